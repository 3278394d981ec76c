using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialMonitor.Core.Items;
using SocialMonitor.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<QueueAttemptMiddleware>();
builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(ItemJson.Options)); // Queue messages bind as QueueSender writes them.
builder.Services.AddSocialMonitorFunctions(builder.Configuration);
builder.Build().Run();
