using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Tests.Platforms;

public sealed class PlatformCapabilitiesTests
{
    [Fact]
    public void Constructor_NameMissingOrUnknown_ThrowsNamingThem()
    {
        var states = PlatformCapabilities.Names.Where(n => n != PlatformCapabilities.Apps).ToDictionary(n => n, _ => CapabilityState.Supported);
        states["stories"] = CapabilityState.Supported;

        var error = Assert.Throws<ArgumentException>(() => new PlatformCapabilities(states));

        Assert.Contains("unknown: stories; missing: apps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_CannotVerify_ListsThoseNamesInTableOrder()
    {
        var states = PlatformCapabilities.Names.ToDictionary(n => n, _ => CapabilityState.Supported);
        states[PlatformCapabilities.Apps] = CapabilityState.CannotVerify;
        states[PlatformCapabilities.Roles] = CapabilityState.CannotVerify;

        var capabilities = new PlatformCapabilities(states);

        Assert.Equal([PlatformCapabilities.Roles, PlatformCapabilities.Apps], capabilities.In(CapabilityState.CannotVerify));
        Assert.Equal(PlatformCapabilities.Names, capabilities.All.Select(c => c.Key));
    }

    [Fact]
    public void NotYet_EveryCapability_IsNotYet() =>
        Assert.Equal(PlatformCapabilities.Names, PlatformCapabilities.NotYet.In(CapabilityState.NotYet));
}
