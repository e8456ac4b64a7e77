using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace TriageBot.Ingest.Resilience;

/// <summary>
/// The retry/timeout pipeline every service client gets: total timeout, then retries with backoff that honour
/// the service's wait headers, then a per-attempt timeout. Only idempotent requests are retried after a 5xx or
/// a timeout (a POST may have been applied); a rate-limit answer means the request was refused, so any method
/// is retried after the requested wait, as long as the wait is short.
/// </summary>
public static class ServiceResilience
{
    /// <summary>Marks a POST that only reads (and may be retried on 5xx/timeouts).</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("TriageBot.Idempotent");

    public static IHttpClientBuilder AddServiceResilience(
        this IHttpClientBuilder builder, string service, Func<IServiceProvider, ServiceHttpOptions> options)
    {
        builder.AddResilienceHandler(service, (pipeline, context) =>
        {
            var o = options(context.ServiceProvider);
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            pipeline.TimeProvider = time;
            pipeline.AddTimeout(o.TotalTimeout);
            if (o.MaxRetries > 0)
            {
                var random = new Random(service.Length * 7919);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = o.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = o.BaseDelay,
                    Randomizer = () => { lock (random) return random.NextDouble(); },
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, time, o)),
                    DelayGenerator = args => ValueTask.FromResult(
                        args.Outcome.Result is { } r && RateLimitHeaders.IsRateLimited(r)
                            ? RateLimitHeaders.RequestedDelay(r, time.GetUtcNow())
                            : null),
                });
            }
            pipeline.AddTimeout(o.AttemptTimeout);
        });
        return builder;
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider time, ServiceHttpOptions o)
    {
        var request = context.GetRequestMessage();
        var idempotent = request is null
            || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            || (request.Options.TryGetValue(Idempotent, out var flag) && flag);

        if (outcome.Exception is { } ex)
        {
            if (context.CancellationToken.IsCancellationRequested) return false;
            return idempotent && ex is HttpRequestException or TimeoutRejectedException;
        }
        if (outcome.Result is not { } response) return false;
        if (RateLimitHeaders.IsRateLimited(response))
        {
            var wait = RateLimitHeaders.RequestedDelay(response, time.GetUtcNow());
            return wait is null || wait <= o.MaxRetryDelay;
        }
        var status = (int)response.StatusCode;
        return idempotent && (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout);
    }
}
