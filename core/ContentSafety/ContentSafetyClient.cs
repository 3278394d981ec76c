using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Microsoft.Extensions.Options;

namespace SocialMonitor.Core.ContentSafety;

/// <summary>
/// A small REST client for Azure AI Content Safety's text analysis, written against the documented wire format (no SDK
/// is served here). Facts, and where they were read (2026-12-03):
/// <list type="bullet">
/// <item>"Text Operations - Analyze Text" (learn.microsoft.com/rest/api/contentsafety/text-operations/analyze-text):
/// <c>POST {endpoint}/contentsafety/text:analyze?api-version=2024-09-01</c> with <c>text</c> (required; "a maximum of 10k
/// Unicode characters (Unicode code points) in the text of one request"), <c>categories</c> (Hate, SelfHarm, Sexual,
/// Violence) and <c>outputType</c> (default FourSeverityLevels); 200 answers <c>AnalyzeTextResult</c>, other statuses an
/// <c>Azure.Core.Foundations.ErrorResponse</c>, <c>{"error": {"code", "message"}}</c>.</item>
/// <item>"TextCategoriesAnalysis" (learn.microsoft.com/dotnet/api/azure.ai.contentsafety.textcategoriesanalysis):
/// <c>categoriesAnalysis</c> is a list of <c>{category, severity}</c>; with FourSeverityLevels a severity is 0, 2, 4 or 6.</item>
/// <item>"Azure AI Content Safety error codes" (learn.microsoft.com/azure/ai-services/content-safety/concepts/response-codes):
/// InvalidRequestBody, InternalError and ServerBusy ("retry a few times after a small period"), TooManyRequests (the
/// SKU's requests per second exceeded). The pipeline (<see cref="ContentSafetyResilience"/>) retries what may pass.</item>
/// </list>
/// Identity, never a key: a bearer token from the app's <see cref="TokenCredential"/> for <see cref="Scope"/>. A text longer
/// than <see cref="MaxCharacters"/> goes in parts split on sentence boundaries (<see cref="TextParts"/>), and the worst
/// severity per category is kept.
/// </summary>
public sealed class ContentSafetyClient(IHttpClientFactory http, TokenCredential credential, IOptions<ContentSafetyOptions> options)
{
    public const string HttpClientName = "content-safety";
    public const string ApiVersion = "2024-09-01";
    public const string Scope = "https://cognitiveservices.azure.com/.default";
    public const int MaxCharacters = 10_000;

    /// <summary>The categories asked for, as the service spells them.</summary>
    public static readonly string[] Categories = ["Hate", "Sexual", "SelfHarm", "Violence"];

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Classifies <paramref name="text"/>; throws <see cref="ContentSafetyException"/> when the service gives no usable answer.</summary>
    public async Task<ContentSafetyAnswer> AnalyzeAsync(string text, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.Endpoint is { Length: > 0 } e ? new Uri(e.TrimEnd('/') + "/")
            : throw new InvalidOperationException("ContentSafety__Endpoint is not set: the classifier is off.");
        var client = http.CreateClient(HttpClientName);
        var worst = new Dictionary<string, int>(StringComparer.Ordinal);
        var parts = new List<IReadOnlyDictionary<string, int>>();
        foreach (var part in TextParts.Split(text, MaxCharacters))
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, $"contentsafety/text:analyze?api-version={ApiVersion}"))
            {
                Content = JsonContent.Create(new AnalyzeRequest(part, Categories, "FourSeverityLevels"), options: s_json),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            var answer = await SendAsync(client, request, cancellationToken);
            parts.Add(answer);
            foreach (var (category, severity) in answer)
            {
                worst[category] = Math.Max(severity, worst.GetValueOrDefault(category));
            }
        }
        return new ContentSafetyAnswer(worst, parts);
    }

    private static async Task<IReadOnlyDictionary<string, int>> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ContentSafetyException($"Azure AI Content Safety could not be reached: {e.Message}", e);
        }
        catch (Exception e) when (e is OperationCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new ContentSafetyException($"Azure AI Content Safety did not answer within {ContentSafetyResilience.AttemptTimeout.TotalSeconds:0} s.", e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var error = Error(body);
                throw new ContentSafetyException($"Azure AI Content Safety answered HTTP {(int)response.StatusCode}{(error is null ? "" : $" {error}")}.");
            }
            AnalyzeResult? result;
            try
            {
                result = JsonSerializer.Deserialize<AnalyzeResult>(body, s_json);
            }
            catch (JsonException e)
            {
                throw new ContentSafetyException($"Azure AI Content Safety answered 200 with a body that is not its JSON: {e.Message}", e);
            }
            if (result?.CategoriesAnalysis is not { } analysis || analysis.Any(a => a.Category is null || a.Severity is null))
            {
                throw new ContentSafetyException("Azure AI Content Safety answered 200 without categoriesAnalysis {category, severity} for each category.");
            }
            var severities = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in analysis)
            {
                severities[item.Category!] = Math.Max(item.Severity!.Value, severities.GetValueOrDefault(item.Category!));
            }
            return severities;
        }
    }

    /// <summary>The <c>error.code</c> and <c>error.message</c> of an error body ("InvalidRequestBody: …"), or null.</summary>
    private static string? Error(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<ErrorResponse>(body, s_json)?.Error is { } error ? $"{error.Code}: {error.Message}" : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record AnalyzeRequest(string Text, string[] Categories, string OutputType);

    private sealed record AnalyzeResult(IReadOnlyList<CategoryAnalysis>? CategoriesAnalysis);

    private sealed record CategoryAnalysis(string? Category, int? Severity);

    private sealed record ErrorResponse(ErrorDetail? Error);

    private sealed record ErrorDetail(string? Code, string? Message);
}
