namespace LeadsAgent.Domain.Plans;

/// <summary>The subscription tiers, lowest first: the numeric order is the hierarchy.</summary>
public enum PlanTier
{
    FREE = 0,
    BASIC = 1,
    PRO = 2,
}
