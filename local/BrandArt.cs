using SkiaSharp;

namespace SocialMonitor.Local;

/// <summary>
/// The sample brand images, drawn here rather than copied from anywhere: the library's logo (a teal disc holding an
/// open white book under a sun), the same logo recoloured (the "old logo" of the demo: navy, a hash within the
/// threshold), another organisation's logo (red and yellow bars: far from it), and the banner. <c>policy/brand/</c>
/// holds the logo and banner as PNG files written by <see cref="WriteBrandFiles"/> (a test keeps them equal to what this draws;
/// <c>SOCIALMONITOR_UPDATE_BRAND=1</c> rewrites them); the loopback fakes serve all four by name (<see cref="Encoded"/>).
/// </summary>
public static class BrandArt
{
    public const string Logo = "cln-logo";
    public const string OldLogo = "cln-logo-old";
    public const string OtherLogo = "other-logo";
    public const string Banner = "cln-banner";

    /// <summary>The image named by a sample URL's file name: <c>…old-logo…</c>, <c>…other…</c>, <c>…cover…</c>/<c>…banner…</c>, else the logo.</summary>
    public static string NameFor(string file) =>
        file.Contains("old", StringComparison.OrdinalIgnoreCase) ? OldLogo
        : file.Contains("other", StringComparison.OrdinalIgnoreCase) ? OtherLogo
        : file.Contains("cover", StringComparison.OrdinalIgnoreCase) || file.Contains("banner", StringComparison.OrdinalIgnoreCase) ? Banner
        : Logo;

    /// <summary>The image, drawn and encoded (PNG, or JPEG at <paramref name="quality"/> when given).</summary>
    public static byte[] Encoded(string name, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 100, int? size = null)
    {
        using var bitmap = Draw(name, size);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>Writes <c>cln-logo.png</c> and <c>cln-banner.png</c> into <paramref name="directory"/> (<c>policy/brand/</c>).</summary>
    public static void WriteBrandFiles(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, Logo + ".png"), Encoded(Logo));
        File.WriteAllBytes(Path.Combine(directory, Banner + ".png"), Encoded(Banner));
    }

    private static SKBitmap Draw(string name, int? size)
    {
        var (width, height) = name == Banner ? (1500, 500) : (size ?? 400, size ?? 400);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        canvas.Scale(width / (name == Banner ? 1500f : 400f), height / (name == Banner ? 500f : 400f));
        switch (name)
        {
            case Logo:
                DrawLogo(canvas, new SKColor(0x00, 0x6d, 0x77), new SKColor(0xf4, 0xa2, 0x61));
                break;
            case OldLogo:
                DrawLogo(canvas, new SKColor(0x1d, 0x35, 0x57), new SKColor(0xe9, 0xc4, 0x6a));
                break;
            case OtherLogo:
                using (var red = new SKPaint { Color = new SKColor(0xc0, 0x1c, 0x28), IsAntialias = true })
                using (var yellow = new SKPaint { Color = new SKColor(0xf6, 0xd3, 0x2d), IsAntialias = true })
                {
                    canvas.DrawRect(0, 0, 140, 400, red);
                    canvas.DrawRect(260, 0, 140, 400, red);
                    canvas.DrawRect(140, 260, 120, 140, yellow);
                    using var triangle = SKPath.ParseSvgPathData("M140 0 L260 0 L200 200 Z");
                    canvas.DrawPath(triangle, red);
                }
                break;
            case Banner:
                using (var teal = new SKPaint { Color = new SKColor(0x00, 0x6d, 0x77), IsAntialias = true })
                using (var light = new SKPaint { Color = new SKColor(0x83, 0xc5, 0xbe), IsAntialias = true })
                using (var sun = new SKPaint { Color = new SKColor(0xf4, 0xa2, 0x61), IsAntialias = true })
                {
                    canvas.DrawRect(0, 330, 1500, 170, teal);
                    for (var i = 0; i < 9; i++)
                    {
                        canvas.DrawRect(120 + (i * 70), 130 + ((i % 3) * 25), 50, 200 - ((i % 3) * 25), i % 2 == 0 ? teal : light);
                    }
                    canvas.DrawCircle(1200, 160, 90, sun);
                }
                break;
            default:
                throw new ArgumentException($"No sample image is called '{name}'.", nameof(name));
        }
        return bitmap;
    }

    private static void DrawLogo(SKCanvas canvas, SKColor disc, SKColor sunColour)
    {
        using var fill = new SKPaint { Color = disc, IsAntialias = true };
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var sun = new SKPaint { Color = sunColour, IsAntialias = true };
        canvas.DrawCircle(200, 200, 180, fill);
        canvas.DrawCircle(200, 120, 45, sun);
        foreach (var side in new[] { -1f, 1f })
        {
            var edge = 200 + (side * 130);
            using var page = SKPath.ParseSvgPathData(FormattableString.Invariant($"M200 190 L{edge} 170 L{edge} 290 L200 310 Z"));
            canvas.DrawPath(page, white);
        }
    }
}
