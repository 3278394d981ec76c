using SocialMonitor.Local;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Cli;

/// <summary>
/// The same core services the functions use, without the Functions host. With <c>UseDevelopmentStorage=true</c> and
/// nothing listening on Azurite's ports, it starts Azurite (data kept in <c>.azurite/</c> of the working directory, so one
/// command sees what the previous one wrote) and stops it on exit so that it writes its data (see <see cref="Azurite.DisposeAsync"/>).
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private Azurite? _azurite;

    private CliHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Checks the settings a command uses before it starts, so a bad one stops it with its name.</summary>
    public CliHost Uses<T>() where T : class
    {
        _ = Get<IOptions<T>>().Value;
        return this;
    }

    public static IServiceCollection CreateServices(IConfiguration configuration, bool verbose)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => AddCliLogging(logging, verbose));
        services.AddSocialMonitor(configuration);
        return services;
    }

    /// <summary>Progress and warnings to stderr with <c>--verbose</c>, else to the log file (<see cref="CliLog"/>).</summary>
    public static void AddCliLogging(ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        logging.Services.AddSingleton<ILoggerProvider>(services =>
            new CliLoggerProvider(() => verbose ? Console.Error : CliLog.File, () => services.GetRequiredService<Policy>().Zone));
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
    }

    /// <summary>Builds the services; with <paramref name="storage"/>, checks the storage setting and starts Azurite if needed.</summary>
    public static async Task<CliHost> StartAsync(IServiceCollection services, bool storage, CancellationToken cancellationToken)
    {
        var host = new CliHost(services.BuildServiceProvider());
        if (storage)
        {
            var settings = host.Get<IOptions<StorageOptions>>().Value;
            if (settings.UsesDevelopmentStorage && !Listening(10000) && !Listening(10001) && !Listening(10002))
            {
                var data = Path.Combine(Directory.GetCurrentDirectory(), ".azurite");
                Directory.CreateDirectory(data);
                await Console.Error.WriteLineAsync($"Starting Azurite on ports 10000-10002 (data in {data}); it stops when this command ends.");
                host._azurite = await Azurite.StartAsync(CliLog.Writer, data, cancellationToken);
            }
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Whether something accepts connections on this loopback port.</summary>
    internal static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
