namespace SocialMonitor.Cli;

/// <summary>
/// Where a command's log lines and its child processes' output (Azurite, npm) go: to stderr with <c>--verbose</c>,
/// else to <c>socialmonitor.log</c> in the working directory (appended; opened only when a line comes), whose path the
/// command names on stderr when it ends, so the results on the console are not buried in them.
/// </summary>
internal static class CliLog
{
    public const string FileName = "socialmonitor.log";

    private static readonly Lock s_lock = new();
    private static TextWriter? s_file;

    public static bool Verbose { get; set; }

    public static string FilePath => Path.Combine(Directory.GetCurrentDirectory(), FileName);

    /// <summary>The writer log lines and child output go to: stderr with <c>--verbose</c>, else the log file.</summary>
    public static TextWriter Writer => Verbose ? Console.Error : File;

    /// <summary>The log file, opened for appending on first use; one writer for the whole process.</summary>
    public static TextWriter File
    {
        get
        {
            lock (s_lock)
            {
                return s_file ??= TextWriter.Synchronized(new StreamWriter(
                    new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true });
            }
        }
    }

    /// <summary>Closes the log file, if this command wrote one, and names it on stderr.</summary>
    public static async Task CloseAsync()
    {
        TextWriter? file;
        lock (s_lock)
        {
            (file, s_file) = (s_file, null);
        }
        if (file is not null)
        {
            await file.DisposeAsync();
            await Console.Error.WriteLineAsync($"Log: {FilePath}");
        }
    }
}
