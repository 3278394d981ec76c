using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SocialMonitor.Local;

/// <summary>
/// The local Azure Storage emulator, started in memory for the tests, the demo and the CLI. It is found in the
/// <c>node_modules</c> beside the repository's <c>package.json</c> (after <c>npm ci</c> when missing); its output goes to
/// the given writer (stderr). Failing to start is an <see cref="AzuriteException"/> that says why.
/// </summary>
public sealed partial class Azurite : IAsyncDisposable
{
    /// <summary>Azurite's published development account and key: the same on every machine, not a secret.</summary>
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(20);
    private static readonly SemaphoreSlim s_installLock = new(1, 1);

    private readonly Process _process;
    private readonly bool _persistent;

    private Azurite(Process process, bool persistent, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _persistent = persistent;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public int ProcessId => _process.Id;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccount};QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccount};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccount};";

    /// <summary>
    /// Starts Azurite on free ports, in memory (tests, demo), or on the standard ports 10000–10002 keeping its data in
    /// <paramref name="dataDirectory"/> (the CLI, so that one command sees what the previous one wrote).
    /// </summary>
    public static async Task<Azurite> StartAsync(TextWriter log, string? dataDirectory, CancellationToken cancellationToken)
    {
        var standardPorts = dataDirectory is not null;
        var script = await EnsureInstalledAsync(log, cancellationToken);
        var ports = standardPorts ? ("10000", "10001", "10002") : ("0", "0", "0");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] storage = dataDirectory is null ? ["--inMemoryPersistence"] : ["--location", dataDirectory];
        string[] arguments =
        [
            script, "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry", .. storage,
            "--blobHost", "127.0.0.1", "--blobPort", ports.Item1,
            "--queueHost", "127.0.0.1", "--queuePort", ports.Item2,
            "--tableHost", "127.0.0.1", "--tablePort", ports.Item3,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = StartProcess(start, "Azurite");
        var listening = new Dictionary<string, int>(StringComparer.Ordinal);
        var output = new List<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            log.WriteLine(line);
            lock (output)
            {
                output.Add(line);
                if (ListeningLine().Match(line) is { Success: true } match)
                {
                    listening[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (listening.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new AzuriteException(
            $"Azurite exited with code {process.ExitCode} before it was ready{PortHint(output)}. Its output:{Environment.NewLine}{Joined(output)}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(s_startTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            Kill(process);
            throw new AzuriteException($"Azurite did not report its three services listening within {s_startTimeout.TotalSeconds} s. Its output:{Environment.NewLine}{Joined(output)}");
        }
        catch
        {
            Kill(process);
            throw;
        }
        return new Azurite(process, standardPorts, listening["Blob"], listening["Queue"], listening["Table"]);
    }

    /// <summary>
    /// Stops Azurite. One that keeps its data is asked to stop (SIGINT, as Ctrl+C does) and given
    /// <see cref="s_stopTimeout"/> to write its database and exit: a hard kill loses what it holds in memory. Only when
    /// it does not exit in time (or on Windows, which has no signals) is it killed. One in memory is killed at once.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_persistent && !OperatingSystem.IsWindows() && !_process.HasExited && await InterruptAsync(_process.Id))
        {
            using var timeout = new CancellationTokenSource(s_stopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: killed below.
            }
        }
        Kill(_process);
        _process.Dispose();
    }

    /// <summary>Sends SIGINT with the system's <c>kill</c>; false when that could not be done.</summary>
    private static async Task<bool> InterruptAsync(int processId)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (kill is null)
            {
                return false;
            }
            await kill.WaitForExitAsync();
            return kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The folder holding the repository's package.json, searched upwards from the app and the working directory.</summary>
    public static string? FindToolsDirectory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var package = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(package) && File.ReadAllText(package).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }

    private static async Task<string> EnsureInstalledAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var tools = FindToolsDirectory() ?? throw new AzuriteException(
            "Cannot find the package.json that lists Azurite: run from the SocialMonitor repository (or below it).");
        var script = Path.Combine(tools, "node_modules", "azurite", "dist", "src", "azurite.js");
        // One install at a time in this process; across processes (two test projects at once) a lock file.
        await s_installLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(script))
            {
                return script;
            }
            await using var fileLock = await AcquireFileLockAsync(Path.Combine(tools, ".azurite-install.lock"), cancellationToken);
            if (File.Exists(script))
            {
                return script;
            }
            log.WriteLine($"Azurite is not installed in {tools}/node_modules: running npm ci.");
            var npm = new ProcessStartInfo("npm") { WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            {
                npm.ArgumentList.Add(argument);
            }
            using var process = StartProcess(npm, "npm");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            log.WriteLine(await stdout);
            log.WriteLine(await stderr);
            if (process.ExitCode != 0 || !File.Exists(script))
            {
                throw new AzuriteException($"npm ci failed in {tools} with exit code {process.ExitCode}: {Tail(await stderr)}");
            }
            return script;
        }
        finally
        {
            s_installLock.Release();
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static Process StartProcess(ProcessStartInfo start, string what)
    {
        try
        {
            return Process.Start(start) ?? throw new AzuriteException($"{what} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AzuriteException(
                $"Cannot run '{start.FileName}' for {what}: Node.js 20 or later (with npm) must be installed and on PATH. {e.Message}", e);
        }
    }

    private static string PortHint(List<string> output)
    {
        lock (output)
        {
            return output.Any(l => l.Contains("EADDRINUSE", StringComparison.Ordinal)) ? " (a port it needs is in use)" : "";
        }
    }

    /// <summary>What Azurite printed so far, for an error: callers that pass <see cref="TextWriter.Null"/> see it only here.</summary>
    private static string Joined(List<string> output)
    {
        lock (output)
        {
            return string.Join(Environment.NewLine, output);
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://[^:]+:(\d+)")]
    private static partial Regex ListeningLine();
}
