using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Cli;

/// <summary>
/// The CLI's logger: one line per entry on <paramref name="target"/> (stderr with <c>--verbose</c>, else the log
/// file, opened at the first entry), times (the entry's and those in its message) in the library's time zone, ISO 8601 with their offset. The zone
/// comes from <paramref name="zone"/> (the policy) at the first entry; UTC when the policy cannot be read.
/// </summary>
internal sealed class CliLoggerProvider(Func<TextWriter> target, Func<TimeZoneInfo> zone) : ILoggerProvider
{
    private TimeZoneInfo? _zone;
    private int _resolving;

    public TimeZoneInfo Zone
    {
        get
        {
            // An entry logged while the policy itself is being read gets UTC rather than a loop.
            if (_zone is not null || Interlocked.Exchange(ref _resolving, 1) == 1)
            {
                return _zone ?? TimeZoneInfo.Utc;
            }
            try
            {
                return _zone = zone();
            }
            catch (Exception e) when (e is PolicyException or OptionsValidationException or InvalidOperationException or IOException)
            {
                return _zone = TimeZoneInfo.Utc;
            }
            finally
            {
                _resolving = 0;
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new CliLogger(categoryName, this, target);

    public void Dispose()
    {
    }
}
