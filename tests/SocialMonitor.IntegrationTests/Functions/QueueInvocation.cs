using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace SocialMonitor.IntegrationTests.Functions;

/// <summary>
/// The invocation the worker hands a middleware for one queue message: the function's entry point and the trigger
/// metadata the host sends (<c>QueueTrigger</c>, the decoded body; <c>DequeueCount</c>).
/// </summary>
internal sealed class QueueInvocation(Type function, string body, long dequeueCount, IServiceProvider services, CancellationToken cancellationToken)
    : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => function.Name;
    public override TraceContext TraceContext => throw new NotSupportedException();
    public override BindingContext BindingContext { get; } = new Bindings(new Dictionary<string, object?>
    {
        ["QueueTrigger"] = body,
        ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
    public override RetryContext RetryContext => throw new NotSupportedException();
    public override IServiceProvider InstanceServices { get; set; } = services;
    public override FunctionDefinition FunctionDefinition { get; } = new Definition(function);
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => throw new NotSupportedException();
    public override CancellationToken CancellationToken { get; } = cancellationToken;

    private sealed class Bindings(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    private sealed class Definition(Type function) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => function.Assembly.Location;
        public override string EntryPoint => $"{function.FullName}.Run";
        public override string Id => function.Name;
        public override string Name => function.Name;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
