namespace SocialMonitor.Core.Rules.Pii;

/// <summary>Masked forms: enough to find the value in the post (the last four digits), never enough to use it.</summary>
internal static class PiiMasks
{
    public static string Mask(PiiKind kind, ReadOnlySpan<char> digits)
    {
        var last4 = digits[^4..].ToString();
        return kind switch
        {
            PiiKind.Phone when digits.Length == 7 => "***-" + last4,
            PiiKind.Phone => "***-***-" + last4,
            PiiKind.Ssn => "***-**-" + last4,
            PiiKind.LibraryCard => "**********" + last4,
            PiiKind.PaymentCard => "**** **** **** " + last4,
            _ => "****",
        };
    }

    /// <summary><c>j***@gmail.com</c>: the first letter of the mailbox and the domain.</summary>
    public static string Email(string local, string domain) => $"{local[0]}***@{domain.ToLowerInvariant()}";

    /// <summary><c>*** P*** Ave</c>: the street's initial and type, never the house number.</summary>
    public static string Address(string street, string suffix) => $"*** {char.ToUpperInvariant(street[0])}*** {suffix}";
}
