namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>What a listed word or phrase is, by the list it came from; one term may be in several lists.</summary>
[Flags]
internal enum TermKind
{
    None = 0,
    Profanity = 1 << 0,
    Sexual = 1 << 1,
    SexualReport = 1 << 2,
    Hate = 1 << 3,
    Insult = 1 << 4,
    HarassmentPhrase = 1 << 5,
    Violent = 1 << 6,
    ThreatPhrase = 1 << 7,
    ThreatTarget = 1 << 8,
    Spam = 1 << 9,
    SpamSignal = 1 << 10,
    Selling = 1 << 11,
    PromoCode = 1 << 12,
    PaymentHandle = 1 << 13,
    Business = 1 << 14,
    Fundraiser = 1 << 15,
    FundraiserCause = 1 << 16,
    LibraryRun = 1 << 17,
    MildProfanity = 1 << 18,
    Group = 1 << 19,
    Dehumanising = 1 << 20,
    Person = 1 << 21,
    Official = 1 << 22,
    SexualSignal = 1 << 23,
    Contact = 1 << 24,
    Fiction = 1 << 25,
    Topic = 1 << 26,

    /// <summary>Never a finding: the words it covers are not matched against anything else.</summary>
    Allow = 1 << 30,
}
