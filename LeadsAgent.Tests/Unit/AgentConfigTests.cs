using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Common;
using LeadsAgent.Domain.Leads;
using LeadsAgent.Domain.Plans;

namespace LeadsAgent.Tests.Unit;

public class AgentConfigTests
{
    static AgentConfig ConfigWith(int count)
    {
        var config = new AgentConfig { BusinessId = Guid.NewGuid() };
        for (var i = 1; i <= count; i++)
        {
            config.AddQuestion(PlanTier.PRO, new LeadCaptureQuestion { QuestionText = $"Q{i}" }, DateTimeOffset.UtcNow);
        }

        return config;
    }

    [Fact]
    public void AddQuestion_AppendsInOrder_AndCarriesTheBusiness()
    {
        var config = ConfigWith(3);
        Assert.Equal([1, 2, 3], config.OrderedQuestions.Select(q => q.Order));
        Assert.All(config.Questions, q => Assert.Equal(config.BusinessId, q.BusinessId));
    }

    [Fact]
    public void Reorder_PutsQuestionsInTheGivenOrder()
    {
        var config = ConfigWith(3);
        var ids = config.OrderedQuestions.Select(q => q.Id).Reverse().ToList();
        config.Reorder(ids, DateTimeOffset.UtcNow);
        Assert.Equal(["Q3", "Q2", "Q1"], config.OrderedQuestions.Select(q => q.QuestionText));
    }

    [Fact]
    public void Reorder_WithMissingOrDuplicateIds_IsRejected()
    {
        var config = ConfigWith(3);
        var ids = config.OrderedQuestions.Select(q => q.Id).ToList();
        Assert.Throws<DomainException>(() => config.Reorder(ids.Take(2).ToList(), DateTimeOffset.UtcNow));
        Assert.Throws<DomainException>(() => config.Reorder([ids[0], ids[0], ids[1]], DateTimeOffset.UtcNow));
        Assert.Throws<DomainException>(() => config.Reorder([ids[0], ids[1], Guid.NewGuid()], DateTimeOffset.UtcNow));
        Assert.Equal(["Q1", "Q2", "Q3"], config.OrderedQuestions.Select(q => q.QuestionText));
    }

    [Fact]
    public void RemoveQuestion_ClosesTheGap()
    {
        var config = ConfigWith(3);
        config.RemoveQuestion(config.OrderedQuestions.First().Id, DateTimeOffset.UtcNow);
        Assert.Equal([(1, "Q2"), (2, "Q3")], config.OrderedQuestions.Select(q => (q.Order, q.QuestionText)));
    }

    [Fact]
    public void ChangeStatus_BackToNew_IsRejected()
    {
        var lead = new Lead();
        lead.ChangeStatus(LeadStatus.CONTACTED, DateTimeOffset.UtcNow);
        Assert.Throws<DomainException>(() => lead.ChangeStatus(LeadStatus.NEW, DateTimeOffset.UtcNow));
        Assert.Equal(LeadStatus.CONTACTED, lead.Status);
    }

    [Theory]
    [InlineData(BusinessType.PLUMBING)]
    [InlineData(BusinessType.LAW)]
    [InlineData(BusinessType.OTHER)]
    public void DefaultQuestions_FitTheFreePlan_AndAlwaysAskForACallBackNumber(BusinessType type)
    {
        var questions = DefaultQuestions.For(type);
        Assert.InRange(questions.Count, 3, PlanRules.FreeQuestionLimit);
        Assert.Contains(questions, q => q.Format == ExpectedFormat.PHONE && q.Essential);
    }
}
