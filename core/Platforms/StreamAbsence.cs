namespace SocialMonitor.Core.Platforms;

/// <summary>What it means when an item the record had is not in a complete read of its stream.</summary>
public enum StreamAbsence
{
    /// <summary>Maybe deleted: deleted only when the platform confirms it (<see cref="IPlatformClient.IsGoneAsync"/>): posts, comments.</summary>
    Confirm,

    /// <summary>Removed from a list that has no object to ask about: roles, apps.</summary>
    Removed,

    /// <summary>Nothing: the stream is one object read whole (a profile).</summary>
    Ignored,
}
