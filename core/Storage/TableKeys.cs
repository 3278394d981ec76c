using System.Text;

namespace SocialMonitor.Core.Storage;

/// <summary>
/// Table keys may not hold <c>/ \ # ?</c> or control characters: platform ids are escaped to fit. A key is at most 1 KiB
/// (512 UTF-16 characters): a longer one can name no row, so a point read of one is answered "none" without asking.
/// </summary>
public static class TableKeys
{
    public const int MaxLength = 512;

    /// <summary>Whether <paramref name="key"/> (already escaped) is short enough to be a table key.</summary>
    public static bool Fits(string key) => key.Length <= MaxLength;

    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
