namespace SocialMonitor.Core.Records;

/// <summary>
/// A temporary file an export writes a part into while it reads the record (findings, audit entries, the manifest's
/// list of files), so that memory stays flat however much is exported; copied into the ZIP at the end and deleted when
/// disposed (also when the export fails).
/// </summary>
public sealed class SpoolFile : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "socialmonitor-records-" + Guid.NewGuid().ToString("N"));

    public SpoolFile() => Writer = new StreamWriter(new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true));

    public StreamWriter Writer { get; }

    /// <summary>How many records were written (the caller counts them).</summary>
    public int Count { get; set; }

    /// <summary>Ends writing and opens what was written for reading.</summary>
    public async Task<Stream> OpenReadAsync()
    {
        await Writer.DisposeAsync();
        return new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        File.Delete(_path);
    }
}
