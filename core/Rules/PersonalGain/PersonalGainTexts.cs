namespace SocialMonitor.Core.Rules.PersonalGain;

/// <summary>The words and advice of the <c>personal-gain</c> rules (<see cref="PersonalGainRule"/>).</summary>
public static class PersonalGainTexts
{
    private const string EditOut = "Edit the post to take it out, or remove the post; ask the coordinator if it is a library program.";

    public static readonly IReadOnlyList<RuleText> All =
    [
        new(PersonalGainRule.Selling, "Selling something on a library account", EditOut),
        new(PersonalGainRule.PromoCode, "A referral or promo code", EditOut),
        new(PersonalGainRule.PaymentHandle, "A request for payment to a personal account", EditOut),
        new(PersonalGainRule.Business, "A staff member's own business", EditOut),
        new(PersonalGainRule.Fundraiser, "A personal fundraiser", EditOut),
        new("personal-gain.library-run", "A fundraiser the library runs", "Nothing to change if the library runs it; otherwise edit the post to take it out."),
    ];
}
