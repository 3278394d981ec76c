using System.Globalization;
using System.Numerics;
using SkiaSharp;

namespace SocialMonitor.Core.Images;

/// <summary>
/// A 64-bit perceptual hash of an image, written here (docs/architecture.md, "Branding"): the image decoded with Skia,
/// laid on white (a transparent logo is its shape), reduced to a 32×32 grey image by averaging the pixels of each cell,
/// its two-dimensional DCT-II taken, and of the top-left 8×8 coefficients (the lowest frequencies: the shape, not the
/// detail) each one above the median of the 63 that are not the DC term gives a 1 bit. The DC term (the mean
/// brightness) is left out and its bit is always 0, so a lighter or darker copy hashes the same. Two images are the
/// same picture when their hashes differ in few bits (<see cref="Distance"/>): re-encoding, resizing and a recolour that
/// keeps light and dark where they were change a few; another picture changes about half.
/// </summary>
public static class PerceptualHash
{
    /// <summary>The largest image file read: 5 MB (profile pictures and banners are far smaller).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The most pixels decoded (a decompression bomb is refused before its pixels are allocated).</summary>
    public const long MaxPixels = 40_000_000;

    private const int Size = 32;
    private const int Low = 8;

    /// <summary>cos((2x+1)uπ/64) for the 8 lowest frequencies u and the 32 positions x.</summary>
    private static readonly double[,] s_cosines = Cosines();

    /// <summary>The hash of an encoded image (PNG, JPEG, GIF, WebP…); <see cref="ImageRefusedException"/> names what was wrong with it.</summary>
    public static ulong Compute(ReadOnlySpan<byte> encoded)
    {
        var grey = Grey(encoded);
        // The separable DCT: rows first (32 rows × 8 frequencies), then columns (8 × 8).
        var rows = new double[Size, Low];
        for (var y = 0; y < Size; y++)
        {
            for (var u = 0; u < Low; u++)
            {
                var sum = 0.0;
                for (var x = 0; x < Size; x++)
                {
                    sum += grey[(y * Size) + x] * s_cosines[u, x];
                }
                rows[y, u] = sum;
            }
        }
        Span<double> coefficients = stackalloc double[Low * Low];
        for (var v = 0; v < Low; v++)
        {
            for (var u = 0; u < Low; u++)
            {
                var sum = 0.0;
                for (var y = 0; y < Size; y++)
                {
                    sum += rows[y, u] * s_cosines[v, y];
                }
                coefficients[(v * Low) + u] = sum;
            }
        }
        Span<double> ac = stackalloc double[(Low * Low) - 1];
        coefficients[1..].CopyTo(ac);
        ac.Sort();
        var median = ac[ac.Length / 2]; // 63 values: the 32nd
        var hash = 0UL;
        for (var i = 1; i < coefficients.Length; i++)
        {
            if (coefficients[i] > median)
            {
                hash |= 1UL << i;
            }
        }
        return hash;
    }

    /// <summary>How many of the 64 bits differ: 0 for the same picture, about 32 for unrelated ones.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>The hash as 16 lowercase hex digits, as facts and <c>brand hash</c> write it.</summary>
    public static string Format(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>16 hex digits back to the hash; false for anything else.</summary>
    public static bool TryParse(string? text, out ulong hash)
    {
        hash = 0;
        return text is { Length: 16 } && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash);
    }

    /// <summary>The image as 32×32 luma values (BT.601), each the mean of the pixels its cell covers, laid on white.</summary>
    private static double[] Grey(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length == 0)
        {
            throw new ImageRefusedException("the image is empty");
        }
        if (encoded.Length > MaxBytes)
        {
            throw new ImageRefusedException(string.Create(CultureInfo.InvariantCulture, $"the image is {encoded.Length:N0} bytes, more than the {MaxBytes:N0} allowed"));
        }
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageRefusedException("the file is not an image this monitor can read (PNG, JPEG, GIF, WebP, BMP, ICO)");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            throw new ImageRefusedException(string.Create(CultureInfo.InvariantCulture, $"the image is {info.Width}×{info.Height} pixels, more than the {MaxPixels:N0} allowed"));
        }
        var target = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(target);
        var result = codec.GetPixels(target, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new ImageRefusedException(result == SKCodecResult.IncompleteInput
                ? "the image is truncated (its file ends before its last pixel)"
                : $"the image cannot be decoded ({result})");
        }
        var pixels = bitmap.GetPixelSpan();
        var sums = new double[Size * Size];
        var counts = new int[Size * Size];
        for (var y = 0; y < info.Height; y++)
        {
            var cellRow = (int)((long)y * Size / info.Height) * Size;
            var row = pixels.Slice(y * bitmap.RowBytes, info.Width * 4);
            for (var x = 0; x < info.Width; x++)
            {
                var p = row.Slice(x * 4, 4);
                var alpha = p[3] / 255.0;
                var luma = (0.299 * p[0]) + (0.587 * p[1]) + (0.114 * p[2]);
                var cell = cellRow + (int)((long)x * Size / info.Width);
                sums[cell] += (luma * alpha) + (255 * (1 - alpha));
                counts[cell]++;
            }
        }
        for (var i = 0; i < sums.Length; i++)
        {
            // An image narrower than 32 pixels leaves cells empty: they take the mean of the cell before, a repeated pixel.
            sums[i] = counts[i] > 0 ? sums[i] / counts[i] : i > 0 ? sums[i - 1] : 255;
        }
        return sums;
    }

    private static double[,] Cosines()
    {
        var table = new double[Low, Size];
        for (var u = 0; u < Low; u++)
        {
            for (var x = 0; x < Size; x++)
            {
                table[u, x] = Math.Cos(((2 * x) + 1) * u * Math.PI / (2 * Size));
            }
        }
        return table;
    }
}
