using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Functions;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// The HTTP function classes served over real HTTP without the Functions host: every method with an
/// <see cref="HttpTriggerAttribute"/> is mapped at <c>/{Route}</c> for its methods (host.json's route prefix is empty), and a request constructs the
/// class from the app's container and calls the method as the host would (the request, the route values, the token).
/// </summary>
internal static class FunctionsServer
{
    public static IEnumerable<(string Name, string Route, string[] Methods, MethodInfo Method)> HttpFunctions() =>
        from type in typeof(FindingsApiFunctions).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)
        where function is not null && trigger is not null
        select (function.Name, trigger.Route!, trigger.Methods!.Select(m => m.ToUpperInvariant()).ToArray(), method);

    public static WebApplication Build(IConfiguration configuration, string url, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddSocialMonitor(configuration);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        foreach (var (_, route, methods, method) in HttpFunctions())
        {
            app.MapMethods("/" + route, methods, (HttpContext context) => InvokeAsync(context, method));
        }
        return app;
    }

    private static async Task InvokeAsync(HttpContext context, MethodInfo method)
    {
        var instance = ActivatorUtilities.CreateInstance(context.RequestServices, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p =>
            p.ParameterType == typeof(HttpRequest) ? context.Request
            : p.ParameterType == typeof(CancellationToken) ? context.RequestAborted
            : (object?)context.GetRouteValue(p.Name!)?.ToString()).ToArray();
        var result = await (Task<IActionResult>)method.Invoke(instance, arguments)!;
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }
}
