using BenchmarkDotNet.Attributes;
using SkiaSharp;
using SocialMonitor.Core.Images;

namespace SocialMonitor.Benchmarks;

/// <summary>
/// The perceptual hash of a 400×400 JPEG (quality 85, the size of a profile picture): decode, grey 32×32 by cell means,
/// the DCT's 8×8 lowest frequencies, the median threshold. The image is drawn here (shapes on white), once.
/// </summary>
[MemoryDiagnoser]
public class PerceptualHashBenchmark
{
    private readonly byte[] _jpeg = Draw();

    [Benchmark(Description = "Perceptual hash, 400x400 JPEG")]
    public ulong Hash() => PerceptualHash.Compute(_jpeg);

    private static byte[] Draw()
    {
        using var bitmap = new SKBitmap(400, 400);
        using (var canvas = new SKCanvas(bitmap))
        using (var teal = new SKPaint { Color = new SKColor(0x00, 0x6d, 0x77), IsAntialias = true })
        using (var sun = new SKPaint { Color = new SKColor(0xf4, 0xa2, 0x61), IsAntialias = true })
        {
            canvas.Clear(SKColors.White);
            canvas.DrawCircle(200, 200, 180, teal);
            canvas.DrawCircle(200, 120, 45, sun);
            using var white = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(80, 180, 240, 120, white);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
