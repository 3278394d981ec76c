using System.Security.Cryptography;
using System.Text;

namespace SocialMonitor.Core.Findings;

public static class FindingIds
{
    /// <summary>A stable hash of (platform, item id, rule id, evidence key): the same evidence seen again is the same finding.</summary>
    public static string For(string platform, string itemId, string rule, string evidenceKey)
    {
        var key = string.Join('\u001f', platform, itemId, rule, evidenceKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}
