namespace SocialMonitor.Core.Rules.Pii;

/// <summary>The words and advice of the <c>pii</c> rules (<see cref="PiiRule"/>).</summary>
public static class PiiTexts
{
    private static string Remove(string what) =>
        $"Hide the comment and tell its writer privately why; if the library posted it, remove the post and repost without the {what}.";

    public static readonly IReadOnlyList<RuleText> All =
    [
        new(PiiRule.Phone, "A phone number", Remove("number")),
        new(PiiRule.Email, "An email address", Remove("address")),
        new(PiiRule.Address, "A street address", Remove("address")),
        new(PiiRule.LibraryCard, "A library card number", Remove("number") + " The card's owner may need a new card."),
        new(PiiRule.Ssn, "A Social Security number", Remove("number") + " Do it now, and tell the coordinator."),
        new(PiiRule.PaymentCard, "A payment card number", Remove("number") + " Do it now, and tell the coordinator."),
    ];
}
