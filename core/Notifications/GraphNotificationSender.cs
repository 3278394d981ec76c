using System.Net;
using System.Text;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// <c>Mail__Mode=Graph</c>: <c>POST {Graph__BaseUrl}/users/{Mail__From}/sendMail</c> with the message as MIME (the same
/// bytes as the archived .eml: text and HTML parts, quoted-printable, so no line passes 998 characters on the way), and
/// the sending mailbox keeps the record in Sent Items. The client's own retry
/// middleware retries only 429 (a refusal: Graph took nothing) within one send, never a 5xx or a timeout, after which
/// Graph may have accepted the email. What is left is a <see cref="MailDeliveryException"/> for the outbox, which owns
/// retries across sends and marks the next one a possible duplicate when this one may have been sent.
/// </summary>
public sealed class GraphNotificationSender(GraphServiceClient graph, IOptions<MailOptions> mail, IOptions<GraphOptions> options) : INotificationSender
{
    /// <summary>Graph's retry handler posts sendMail again only after a 429; a 503 or 504 may follow an accepted email.</summary>
    private static readonly RetryHandlerOption s_retryOnlyRefusals = new() { ShouldRetry = (_, _, response) => response.StatusCode == HttpStatusCode.TooManyRequests };

    private static readonly Dictionary<string, ParsableFactory<IParsable>> s_errors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    public string Describe() => $"Microsoft Graph at {options.Value.BaseUrl} as {mail.Value.From}";

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var from = mail.Value.From;
        var request = await MimeRequestAsync(notification, from, cancellationToken);
        try
        {
            await graph.RequestAdapter.SendNoContentAsync(request, s_errors, cancellationToken);
        }
        catch (ODataError e)
        {
            throw Refused(e.ResponseStatusCode, e.Error?.Code, e.Error?.Message, from, e);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0 && e.InnerExceptions[^1] is ApiException last)
        {
            // Graph's retry handler gave up (429 or 503 on every try): one error for the outbox to retry later.
            throw Refused(last.ResponseStatusCode, null, $"still refused after {e.InnerExceptions.Count} tries by Graph's own retry handler", from, e);
        }
        catch (ApiException e)
        {
            throw Refused(e.ResponseStatusCode, null, e.Message, from, e);
        }
        catch (CredentialUnavailableException e)
        {
            throw new MailDeliveryException(
                $"No credential for Microsoft Graph: {e.Message} In Azure the app's managed identity signs in (set AZURE_CLIENT_ID to its client id).", permanent: true, e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new MailDeliveryException($"Signing in to Microsoft Graph failed: {e.Message}", permanent: false, e);
        }
        catch (HttpRequestException e)
        {
            throw new MailDeliveryException($"Microsoft Graph at {options.Value.BaseUrl} could not be reached: {e.Message}", permanent: false, e)
            {
                MayHaveBeenSent = e.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError),
            };
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailDeliveryException($"Microsoft Graph at {options.Value.BaseUrl} did not answer in time.", permanent: false, e) { MayHaveBeenSent = true };
        }
    }

    /// <summary>
    /// sendMail in its MIME form: the message exactly as the archived .eml (text and HTML alternatives, both
    /// quoted-printable, headers RFC 2047-encoded), base64 in a <c>text/plain</c> body. Graph takes recipients, subject and
    /// Reply-To from the MIME headers and always keeps a copy in Sent Items (the MIME form has no <c>saveToSentItems</c>).
    /// </summary>
    private async Task<RequestInformation> MimeRequestAsync(Notification notification, string from, CancellationToken cancellationToken)
    {
        var mime = await MimeEmail.ToBytesAsync(notification, from, cancellationToken);
        // The SDK's builder gives the URL (and its escaping of the mailbox); its JSON content is replaced by the MIME.
        var request = graph.Users[from].SendMail.ToPostRequestInformation(new SendMailPostRequestBody());
        request.Headers.Remove("Content-Type");
        request.SetStreamContent(new MemoryStream(Encoding.ASCII.GetBytes(Convert.ToBase64String(mime))), "text/plain");
        request.AddRequestOptions([s_retryOnlyRefusals]);
        return request;
    }

    private static MailDeliveryException Refused(int status, string? code, string? message, string from, Exception inner)
    {
        var what = $"Microsoft Graph answered {status}{(code is null ? "" : $" {code}")} to sendMail as {from}: {message}";
        return status switch
        {
            401 => new MailDeliveryException(
                $"{what}. The app's identity was not accepted: check the managed identity (AZURE_CLIENT_ID) and that it may call Graph.", permanent: true, inner),
            403 => new MailDeliveryException(
                $"{what}. The identity may not send as {from}: grant Mail.Send for that one mailbox through Exchange Online RBAC for Applications (README).", permanent: true, inner),
            404 => new MailDeliveryException($"{what}. No mailbox {from}: check Mail__From.", permanent: true, inner),
            400 or 413 => new MailDeliveryException($"{what}.", permanent: true, inner),
            >= 500 => new MailDeliveryException($"{what}.", permanent: false, inner) { MayHaveBeenSent = true },
            _ => new MailDeliveryException($"{what}.", permanent: false, inner),
        };
    }
}
