using System.Diagnostics;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>Runs the real <c>socialmonitor</c> program (built beside the tests) as a child process and captures its streams.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// Starts the program (a server: <c>serve</c>), waits until a line of its stderr contains <paramref name="ready"/>,
    /// then stops it as Ctrl+C does (SIGINT) and returns all it wrote.
    /// </summary>
    public static async Task<Result> RunUntilInterruptedAsync(
        IReadOnlyDictionary<string, string> environment, string workingDirectory, string ready, Func<Task> whileRunning, params string[] arguments)
    {
        using var process = Process.Start(Start(environment, workingDirectory, arguments, interruptible: true))!;
        var stderr = new System.Text.StringBuilder();
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
            if (e.Data?.Contains(ready, StringComparison.Ordinal) == true)
            {
                up.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await Task.WhenAny(up.Task, process.WaitForExitAsync(TestContext.Current.CancellationToken)).WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        if (up.Task.IsCompleted)
        {
            await whileRunning();
            using var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var output = await stdout;
        lock (stderr)
        {
            return new Result(process.ExitCode, output, stderr.ToString());
        }
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments)
    {
        using var process = Process.Start(Start(environment, workingDirectory, arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <param name="interruptible">
    /// Started through <c>env --default-signal=INT</c>: a test run started in the background by a shell without job
    /// control (<c>nohup dotnet test &amp;</c>) ignores SIGINT, every child inherits that, and .NET keeps an inherited
    /// ignored SIGINT ignored, so the program could not be stopped as Ctrl+C stops it.
    /// </param>
    private static ProcessStartInfo Start(IReadOnlyDictionary<string, string> environment, string workingDirectory, string[] arguments, bool interruptible = false)
    {
        var start = new ProcessStartInfo(interruptible ? "env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        if (interruptible)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "socialmonitor.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }
}
