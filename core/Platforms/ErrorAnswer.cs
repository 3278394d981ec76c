namespace SocialMonitor.Core.Platforms;

/// <summary>A non-success answer handed to the client to classify (<see cref="PlatformApi.Classify"/>): the request, the response (its headers) and its body, already archived.</summary>
public sealed record ErrorAnswer(PlatformSession Session, PlatformRequest Request, HttpResponseMessage Response, string Body)
{
    public int Status => (int)Response.StatusCode;
}
