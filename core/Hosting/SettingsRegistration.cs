using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialMonitor.Core.Hosting;

public static class SettingsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> (the root when empty) and validates it when first
    /// used and, in a host, at start. A value that does not convert, or breaks a rule, fails with the setting's name.
    /// </summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, ISettings
    {
        services.AddOptions<T>()
            .Configure(options => Bind(configuration, section, options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, SettingsValidator<T>>();
        return services;
    }

    private static void Bind<T>(IConfiguration configuration, string section, T options)
    {
        var source = section.Length == 0 ? configuration : configuration.GetSection(section);
        try
        {
            source.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // The binder says "Failed to convert configuration value 'x' at 'Scan:BackfillDays' to type 'System.Int32'."
            var at = e.Message.IndexOf(" at '", StringComparison.Ordinal);
            var key = at < 0 ? section : e.Message[(at + 5)..].Split('\'')[0].Replace(":", "__", StringComparison.Ordinal);
            throw new OptionsValidationException(key, typeof(T), [$"Setting {key} has a value that is not valid: {e.Message}"]);
        }
    }

    private sealed class SettingsValidator<T> : IValidateOptions<T>
        where T : class, ISettings
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
