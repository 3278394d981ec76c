using System.CommandLine;
using SocialMonitor.Core.Images;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Cli.Commands;

/// <summary>
/// <c>brand hash FILE…</c>: each image's 64-bit perceptual hash (16 hex digits) on stdout, one line per file
/// (<c>HASH  FILE</c>), and on stderr how far it is from the nearest approved brand image of the policy, so that the
/// coordinator can see whether a new logo would pass before adding it under <c>policy/brand/</c>. Exit 1 if a file
/// could not be read or is not an image (the reason on stderr; the other files are still hashed).
/// </summary>
internal static class BrandCommands
{
    public static Command Create()
    {
        var brand = new Command("brand", "The approved brand images of the policy.");
        var hash = new Command("hash", "Print the perceptual hash of image files (to approve a new logo: add the file under policy/brand/ and to branding.images).");
        var files = new Argument<FileInfo[]>("FILE") { Description = "PNG, JPEG, GIF or WebP files, at most 5 MB each.", Arity = ArgumentArity.OneOrMore };
        hash.Arguments.Add(files);
        CommandRunner.SetAction(hash, async (parse, ct) =>
        {
            Policy? policy = null;
            try
            {
                // A policy file (Policy__Path); a policy in a blob is compared by the monitor itself, not here.
                var path = CliConfiguration.Build()["Policy:Path"] ?? new PolicyOptions().Path;
                policy = Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? null
                    : PolicyLoader.Load(Core.Hosting.ServiceCollectionExtensions.PolicyPath(path));
            }
            catch (PolicyException e)
            {
                await Console.Error.WriteLineAsync($"socialmonitor brand hash: the policy is not read ({e.Message}); hashes only.");
            }
            var failed = false;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                try
                {
                    var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
                    var value = PerceptualHash.Compute(bytes);
                    await Console.Out.WriteLineAsync($"{PerceptualHash.Format(value)}  {file.Name}");
                    if (policy?.Branding is { Images.Count: > 0 } branding)
                    {
                        var nearest = branding.Images.MinBy(i => PerceptualHash.Distance(i.Hash, value))!;
                        var distance = PerceptualHash.Distance(nearest.Hash, value);
                        await Console.Error.WriteLineAsync($"{file.Name}: {distance} of 64 bits from {nearest.File} ({(distance <= branding.ImageThreshold ? "within" : "beyond")} the threshold of {branding.ImageThreshold})");
                    }
                }
                catch (Exception e) when (e is ImageRefusedException or IOException or UnauthorizedAccessException)
                {
                    failed = true;
                    await Console.Error.WriteLineAsync($"socialmonitor brand hash: {file.Name}: {e.Message}");
                }
            }
            return failed ? 1 : 0;
        });
        brand.Subcommands.Add(hash);
        return brand;
    }
}
