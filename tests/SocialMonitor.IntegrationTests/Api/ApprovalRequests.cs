using System.Text.Json;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary>A revocation as a client makes it: <c>DELETE</c> with the <c>etag</c> of the approval as last read in <c>If-Match</c>.</summary>
internal static class ApprovalRequests
{
    public static Task<HttpResponseMessage> RevokeAsync(this HttpClient client, JsonElement approval, string query = "") =>
        client.RevokeAsync(approval.GetProperty("kind").GetString()!, approval.GetProperty("id").GetString()!, approval.GetProperty("etag").GetString(), query);

    public static async Task<HttpResponseMessage> RevokeAsync(this HttpClient client, string kind, string id, string? etag, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/approvals/{kind}/{id}{query}");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
