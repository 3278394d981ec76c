using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Records;

/// <summary>Where each part of an export lives in its ZIP (docs/architecture.md, "Records requests").</summary>
public static partial class RecordsPaths
{
    public const string Manifest = "manifest.json";
    public const string FindingsJson = "findings.json";
    public const string FindingsCsv = "findings.csv";
    public const string Audit = "audit.json";
    public const string Index = "threads/index.html";

    public static string Item(string platform, string account, string itemId) => $"items/{Safe(platform)}/{Safe(account)}/{Safe(itemId)}.json";

    public static string Thread(string platform, string account, string postId) => $"threads/{Safe(platform)}-{Safe(account)}-{Safe(postId)}.html";

    public static string Raw(string sha256) => $"raw/{sha256}.json";

    public static string Email(string emailId) => $"emails/{Safe(emailId)}.eml";

    /// <summary>A name as it is when it is plain (letters, digits, <c>_ . -</c>); else made plain and told apart by a hash of the original.</summary>
    public static string Safe(string name)
    {
        if (Plain().IsMatch(name))
        {
            return name;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..12];
        var plain = Unsafe().Replace(name, "-");
        return $"{(plain.Length > 80 ? plain[..80] : plain)}-{hash}";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,120}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();

    [GeneratedRegex(@"[^A-Za-z0-9_.-]", RegexOptions.CultureInvariant)]
    private static partial Regex Unsafe();
}
