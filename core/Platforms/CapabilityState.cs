using System.Text.Json.Serialization;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// Whether the monitor can see one fact of an account (<see cref="PlatformCapabilities.Names"/>): it reads it; the
/// platform does not show it, so a person must check it by hand (an attestation); or the platform has no client yet.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CapabilityState>))]
public enum CapabilityState
{
    [JsonStringEnumMemberName("supported")]
    Supported,

    [JsonStringEnumMemberName("cannot-verify")]
    CannotVerify,

    [JsonStringEnumMemberName("not-yet")]
    NotYet,
}
