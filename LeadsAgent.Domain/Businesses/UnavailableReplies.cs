namespace LeadsAgent.Domain.Businesses;

/// <summary>What a suspended business's widget and phone number say: polite, never an error, with the 911 line.</summary>
public static class UnavailableReplies
{
    public static string Chat(string businessName) =>
        $"Sorry, {businessName} isn't answering messages here right now. Please try again later. If this is an emergency, call 911.";

    public static string Voice(string businessName) =>
        $"Thanks for calling {businessName}. We can't take calls right now. If this is an emergency, please hang up and call 911. "
        + "Otherwise, please leave your name, number and a short message after the tone, and we'll pass it on.";
}
