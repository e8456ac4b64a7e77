using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace TriageBot.Sandbox;

/// <summary>
/// How GitHub answers: pages sliced by per_page/page with a Link header (rel="prev/next/last/first", absolute urls),
/// an ETag on every GET (a hash of the body, so it changes when the data does) and 304 for a matching If-None-Match.
/// </summary>
internal static class GitHubResponses
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;

    /// <summary>The page of <paramref name="items"/> the query asks for; adds the Link header when there is more than one page.</summary>
    public static List<T> Page<T>(HttpContext ctx, IReadOnlyList<T> items)
    {
        var query = ctx.Request.Query;
        var perPage = int.TryParse(query["per_page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pp) && pp > 0
            ? Math.Min(pp, MaxPageSize) : DefaultPageSize;
        var page = int.TryParse(query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var lastPage = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var links = new List<string>();
        if (page > 1)
        {
            links.Add($"<{PageUrl(ctx, Math.Min(page - 1, lastPage))}>; rel=\"prev\"");
        }

        if (page < lastPage)
        {
            links.Add($"<{PageUrl(ctx, page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(ctx, lastPage)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(ctx, 1)}>; rel=\"first\"");
        }

        if (links.Count > 0)
        {
            ctx.Response.Headers.Link = string.Join(", ", links);
        }

        var skip = (long)(page - 1) * perPage;
        return skip >= items.Count ? [] : items.Skip((int)skip).Take(perPage).ToList();
    }

    /// <summary>The API base the request came in on: {scheme}://{host}/github, /github/api/v3 or /api/v3.</summary>
    public static string ApiBase(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var prefix = path.StartsWith("/github/api/v3/", StringComparison.OrdinalIgnoreCase) ? "/github/api/v3"
            : path.StartsWith("/github/", StringComparison.OrdinalIgnoreCase) ? "/github"
            : SandboxPipeline.GitHubEnterprisePrefix;
        return $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}{prefix}";
    }

    /// <summary>Writes <paramref name="body"/> with an ETag, or 304 without a body when the client already has it.</summary>
    public static Task WriteAsync(HttpContext ctx, JsonNode body, int status = StatusCodes.Status200OK)
    {
        var bytes = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(bytes)) body.WriteTo(writer); // the text ToJsonString() gives
        return WriteAsync(ctx, bytes.WrittenMemory, status);
    }

    /// <summary>Writes a JSON body already in UTF-8 (hashed for the ETag and sent as is).</summary>
    public static Task WriteAsync(HttpContext ctx, ReadOnlyMemory<byte> body, int status = StatusCodes.Status200OK)
    {
        var response = ctx.Response;
        response.Headers.CacheControl = "private, max-age=60, s-maxage=60";
        response.Headers.Vary = "Accept, Authorization, Cookie, X-GitHub-OTP";
        response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        if (HttpMethods.IsGet(ctx.Request.Method))
        {
            // The hash of body + Link header, so the tag changes with the data and with the paging.
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(body.Span);
            hash.AppendData(Encoding.UTF8.GetBytes(response.Headers.Link.ToString()));
            var etag = "W/\"" + Convert.ToHexStringLower(hash.GetHashAndReset()) + "\"";
            response.Headers.ETag = etag;
            if (Matches(ctx.Request.Headers.IfNoneMatch.ToString(), etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }

        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, ctx.RequestAborted).AsTask();
    }

    public static Task NotFoundAsync(HttpContext ctx) =>
        ErrorAsync(ctx, StatusCodes.Status404NotFound, "Not Found", "https://docs.github.com/rest");

    public static Task ErrorAsync(HttpContext ctx, int status, string message, string documentationUrl, JsonArray? errors = null)
    {
        var body = new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = documentationUrl,
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
        };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(body.ToJsonString(), ctx.RequestAborted);
    }

    public static DateTimeOffset? Since(HttpContext ctx) => Since(ctx.Request.Query);

    public static DateTimeOffset? Since(IQueryCollection query) =>
        DateTimeOffset.TryParse(query["since"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since) ? since : null;

    private static bool Matches(string ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return false;
        }

        static string Strip(string tag) => tag.Trim().StartsWith("W/", StringComparison.Ordinal) ? tag.Trim()[2..] : tag.Trim();
        return ifNoneMatch.Split(',').Any(t => t.Trim() == "*" || Strip(t) == Strip(etag));
    }

    private static string PageUrl(HttpContext ctx, int page)
    {
        var query = ctx.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        var url = $"{ctx.Request.Scheme}://{ctx.Request.Host}{ctx.Request.PathBase}{ctx.Request.Path}";
        return QueryHelpers.AddQueryString(url, query);
    }
}
