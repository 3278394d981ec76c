namespace SocialMonitor.Local;

/// <summary>What the host refused a request for before any route ran; the platform says it in its own error shape.</summary>
public enum LoopbackFailure
{
    /// <summary>No route of the platform has this path.</summary>
    NoRoute,

    /// <summary>A route has this path, but not for this method.</summary>
    WrongMethod,

    /// <summary>The route needs a token and the request carries none.</summary>
    NoToken,

    /// <summary>The request carries a token the platform does not accept.</summary>
    WrongToken,
}
