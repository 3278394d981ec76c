using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Azure.Data.Tables;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// The daily token check (the client's <see cref="IPlatformClient.CheckTokenAsync"/>): a token that stops working within
/// <see cref="Warning"/> raises <c>capture.token-expiring</c> with the date and the plan's advice on renewing it
/// (<see cref="ReadPlan.TokenRenewal"/>); a token the platform calls invalid raises <c>capture.token-invalid</c>. A later check that finds the
/// token renewed resolves them. One account failing never stops the others: its failure is its own
/// <c>capture.token-check-failed</c>, resolved by its next check that runs.
/// </summary>
public sealed class TokenChecker(
    AccountRegistry registry,
    IEnumerable<IPlatformClient> clients,
    ITokenSource tokens,
    ResponseArchive archive,
    CaptureConditions conditions,
    StorageClients storage,
    IOptions<PlatformsOptions> platformOptions,
    TimeProvider time,
    ILogger<TokenChecker> logger)
{
    public static readonly TimeSpan Warning = TimeSpan.FromDays(14);

    /// <summary>The renewal advice of a platform whose plan names none (<see cref="ReadPlan.TokenRenewal"/>).</summary>
    private const string DefaultRenewal = "the IT person stores a new token under the same name";

    /// <summary>Checks every account's token; returns how many were checked.</summary>
    public async Task<int> CheckAllAsync(CancellationToken cancellationToken)
    {
        var checkedCount = 0;
        foreach (var account in await registry.ListAccountsAsync(cancellationToken))
        {
            if (clients.For(platformOptions.Value, account.Platform) is not { } client)
            {
                continue;
            }
            try
            {
                await CheckAsync(client, account, cancellationToken);
                checkedCount++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Any failure (no such token, Key Vault refusing it, the platform failing) is this account's own condition:
                // the others are still checked. The next check that runs resolves it.
                var error = UrlScrubber.Scrub(e.Message);
                logger.LogWarning("The token of {Account} could not be checked: {Error}", account.Id, error);
                await conditions.RaiseAsync(account, CaptureCondition.TokenCheckFailed,
                    $"the token '{account.Token}' of {account.Id} could not be checked: {error}",
                    $"The daily check of the {account.Platform} token of {account.Id} did not run, so its expiry is not watched. Fix what the error names "
                    + "(the secret's name, the app identity's access to the vault) so that the next check runs.", cancellationToken);
            }
        }
        return checkedCount;
    }

    public async Task CheckAsync(IPlatformClient client, Account account, CancellationToken cancellationToken)
    {
        var session = new PlatformSession(account, await tokens.GetAsync(account.Token, cancellationToken), (r, ct) => archive.RecordAsync(account, r, ct));
        TokenStatus status;
        try
        {
            status = await client.CheckTokenAsync(session, cancellationToken);
        }
        catch (PlatformException e) when (e.Kind == PlatformErrorKind.Token)
        {
            status = new TokenStatus(false, null, []);
            logger.LogWarning("The token of {Account} was refused: {Error}", account.Id, e.Message);
        }
        await conditions.ClearAsync(account, CaptureCondition.TokenCheckFailed, "the token check ran", cancellationToken);

        var now = time.GetUtcNow();
        // What the health endpoint shows (AccountHealthReader): a retry rewrites the same row.
        var checks = await storage.TableAsync(TableNames.TokenChecks, cancellationToken);
        await checks.UpsertEntityAsync(new TokenCheckRow
        {
            PartitionKey = TableKeys.Escape(account.Id),
            RowKey = AccountHealthReader.TokenRow,
            ExpiresAt = status.ExpiresAt,
            CheckedAt = now,
            Valid = status.Valid,
        }, TableUpdateMode.Replace, cancellationToken);
        if (!status.Valid)
        {
            await conditions.TokenInvalidAsync(account, $"{account.Platform} says the token '{account.Token}' of {account.Id} is not valid", cancellationToken);
            return;
        }
        await conditions.ClearAsync(account, CaptureCondition.TokenInvalid, "the token check found the token valid", cancellationToken);
        if (status.ExpiresAt is { } expires && expires - now <= Warning)
        {
            var date = expires.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await conditions.RaiseAsync(account, CaptureCondition.TokenExpiring,
                $"the token '{account.Token}' of {account.Id} stops working on {date} ({Math.Max(0, (int)(expires - now).TotalDays)} days)",
                $"Renew the {account.Platform} token of {account.Id} before {date}: {client.Plan.TokenRenewal ?? DefaultRenewal} (see the README, Getting access).",
                cancellationToken);
            return;
        }
        await conditions.ClearAsync(account, CaptureCondition.TokenExpiring,
            status.ExpiresAt is { } later ? $"the token now works until {later:u}" : "the token no longer expires", cancellationToken);
    }
}
