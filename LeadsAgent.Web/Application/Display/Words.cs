using LeadsAgent.Domain.Businesses;
using LeadsAgent.Domain.Conversations;
using LeadsAgent.Domain.Emergencies;
using LeadsAgent.Domain.Leads;

namespace LeadsAgent.Web.Application.Display;

/// <summary>Every code the engine and the database use, in the words an owner reads on screen: no enum names.</summary>
public static class Words
{
    public static string Channel(Channel channel) => channel switch
    {
        Domain.Leads.Channel.VOICE => "Phone call",
        Domain.Leads.Channel.SMS => "Text messages",
        _ => "Website chat",
    };

    public static string ChannelShort(Channel channel) => channel switch
    {
        Domain.Leads.Channel.VOICE => "Phone",
        Domain.Leads.Channel.SMS => "Text",
        _ => "Chat",
    };

    /// <summary>The channel's icon (MudBlazor's Material set): a phone, a text bubble, a chat bubble.</summary>
    public static string ChannelIcon(Channel channel, bool outlined = false) => channel switch
    {
        Domain.Leads.Channel.VOICE => outlined ? MudBlazor.Icons.Material.Outlined.Phone : MudBlazor.Icons.Material.Filled.Phone,
        Domain.Leads.Channel.SMS => outlined ? MudBlazor.Icons.Material.Outlined.Sms : MudBlazor.Icons.Material.Filled.Sms,
        _ => outlined ? MudBlazor.Icons.Material.Outlined.Chat : MudBlazor.Icons.Material.Filled.Chat,
    };

    public static string Status(LeadStatus status) => status switch
    {
        LeadStatus.NEW => "New",
        LeadStatus.CONTACTED => "Contacted",
        LeadStatus.QUALIFIED => "Qualified",
        _ => "Closed",
    };

    public static string Priority(LeadPriority priority) => priority switch
    {
        LeadPriority.URGENT => "Emergency",
        LeadPriority.HIGH => "High",
        LeadPriority.NORMAL => "Normal",
        _ => "Low",
    };

    public static string BusinessType(BusinessType type) => type switch
    {
        Domain.Businesses.BusinessType.PLUMBING => "Plumbing",
        Domain.Businesses.BusinessType.HVAC => "Heating and cooling",
        Domain.Businesses.BusinessType.ELECTRICAL => "Electrical",
        Domain.Businesses.BusinessType.LAW => "Law firm",
        Domain.Businesses.BusinessType.REAL_ESTATE => "Real estate",
        _ => "Other",
    };

    /// <summary>How a finished conversation ended, as the owner would say it.</summary>
    public static string Outcome(ConversationStatus status, bool leadCaptured) => status switch
    {
        ConversationStatus.ACTIVE => "In progress",
        ConversationStatus.TRANSFERRED => "Transferred to you",
        _ when leadCaptured => "Lead captured",
        ConversationStatus.COMPLETED => "Completed",
        _ => "Hung up / left",
    };

    /// <summary>What the agent is doing right now ("asking for the address").</summary>
    public static string Step(string? flow, bool emergency, string? currentField, string? currentQuestion)
    {
        if (currentField is not null || currentQuestion is not null)
        {
            var what = currentField switch
            {
                LeadFields.ContactName => "asking for their name",
                LeadFields.ContactPhone => "asking for a call-back number",
                LeadFields.ContactEmail => "asking for their email",
                LeadFields.Address => "asking for the address",
                LeadFields.Notes => "asking what the job is",
                _ => $"asking \u201c{Trim(currentQuestion ?? "", 60)}\u201d",
            };
            return emergency ? "Emergency: " + what : char.ToUpperInvariant(what[0]) + what[1..];
        }

        return flow switch
        {
            "greeting" or null => "Greeting",
            "emergency" => "Emergency: taking details",
            "lead_capture" or "service_request" => "Taking the job details",
            "transfer" or "speak_to_human" => "Transferring to you",
            "transfer_returned" => "You didn't take the transfer: offering a message or a call-back",
            "voicemail" or "leave_message" => "Taking a message",
            "goodbye" => "Saying goodbye",
            "faq" or "hours" or "pricing" => "Answering a question",
            _ => "Talking",
        };
    }

    /// <summary>What a visitor or caller wanted, from the engine's intent names.</summary>
    public static string Intent(string intent) => intent switch
    {
        "emergency" => "Emergency",
        "service_request" => "Wants a job done",
        "faq" => "Asked a question",
        "pricing" => "Asked about prices",
        "hours" => "Asked about opening hours",
        "speak_to_human" => "Asked for a person",
        "leave_message" => "Left a message",
        "greeting" => "Just said hello",
        "goodbye" => "Said goodbye",
        "skip" => "Skipped a question",
        _ => "Something else",
    };

    /// <summary>Why a lead was urgent: the rule's name made readable, with the caller's own words.</summary>
    public static string Reason(EmergencyReason reason) => $"{Rule(reason.Rule)} (\u201c{reason.Phrase}\u201d)";

    public static string Rule(string rule) => rule switch
    {
        "gas_leak" => "Gas leak",
        "carbon_monoxide" or "carbon_monoxide_symptoms" => "Possible carbon monoxide",
        "fire" => "Fire",
        "smoke" => "Smoke",
        "alarm_sounding" => "An alarm is sounding",
        "burning_smell" => "Burning smell",
        "sparks" => "Sparks",
        "hot_or_melting_electrics" => "Hot or melting electrics",
        "live_wire" => "Exposed live wire",
        "electric_shock" => "Electric shock",
        "water_on_electrics" => "Water on electrics",
        "personal_danger" => "Someone is in danger",
        "active_flooding" => "Flooding now",
        "water_pouring" => "Water pouring in",
        "burst_pipe" => "Burst pipe",
        "sewage_backup" => "Sewage backing up",
        "no_heat" => "No heat",
        "no_cooling" => "No cooling",
        "leak" => "A leak",
        "clog" => "A blockage",
        "no_hot_water" => "No hot water",
        "frozen_pipes" => "Frozen pipes",
        "electrical_fault" => "Electrical fault",
        "broken_equipment" => "Something broken",
        "arrest_or_custody" => "Arrest or custody",
        "hearing_or_lockout_within_a_day" => "Hearing or lock-out within a day",
        "legal_deadline_within_days" => "Legal deadline within days",
        "served_papers" => "Served with papers",
        "closing_today_at_risk" => "A closing at risk today",
        "wire_fraud" => "Possible wire fraud",
        "transaction_deadline" => "A deal deadline",
        "closing_soon_at_risk" => "A closing at risk within days",
        "sump_pump_failed_water_rising" => "Sump pump failed, water rising",
        "medical_equipment_without_power" or "medical_intl" => "Medical equipment without power",
        "locked_out" => "Locked out",
        "fixture_failing" or "problem_described" => "Something not working",
        _ => Humanize(rule),
    };

    public static string Hazard(Hazard hazard) => hazard switch
    {
        Domain.Emergencies.Hazard.Gas => "Gas",
        Domain.Emergencies.Hazard.CarbonMonoxide => "Carbon monoxide",
        Domain.Emergencies.Hazard.Fire => "Fire",
        Domain.Emergencies.Hazard.Electrical => "Electrical",
        Domain.Emergencies.Hazard.Violence => "Personal safety",
        Domain.Emergencies.Hazard.Water => "Water",
        Domain.Emergencies.Hazard.Medical => "Medical equipment",
        _ => "None",
    };

    /// <summary>A lead field's name as a label: contactPhone -> "Phone".</summary>
    public static string Field(string? field) => field switch
    {
        LeadFields.ContactName => "Name",
        LeadFields.ContactPhone => "Phone",
        LeadFields.ContactEmail => "Email",
        LeadFields.Address => "Address",
        LeadFields.Notes => "What they need",
        null => "",
        _ => Humanize(field),
    };

    static string Humanize(string code)
    {
        var words = code.Replace('_', ' ').Trim().ToLowerInvariant();
        return words.Length == 0 ? code : char.ToUpperInvariant(words[0]) + words[1..];
    }

    static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "\u2026";
}
