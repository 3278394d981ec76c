namespace SocialMonitor.Local;

/// <summary>
/// A platform the demo serves from its sample data: <see cref="Name"/> is the accounts' platform, the host prefix
/// (<c>/{name}</c>) and the folder <c>samples/{name}/</c>; <see cref="Settings"/> is its section under <c>Platforms:</c>
/// (where the demo points <c>BaseUrl</c>) and the label of its call count; <see cref="Create"/> makes its fake from that
/// folder and the tokens it accepts.
/// </summary>
public sealed record SamplePlatform(string Name, string Settings, Func<string, IReadOnlySet<string>, LoopbackPlatform> Create);
