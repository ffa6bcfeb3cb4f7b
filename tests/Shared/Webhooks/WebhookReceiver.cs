using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElearningRollout.Tests.Shared.Webhooks;

/// <summary>One request a receiver got: the three Standard Webhooks headers and the body as sent.</summary>
public sealed record ReceivedWebhook(string Path, string? Id, string? Timestamp, string? Signature, string Body);

/// <summary>
/// A real HTTP receiver on loopback (Kestrel on a free port) for the webhook tests: it records every request and
/// answers with the status codes it is told to, in order (then 200). A redirect answer points at /elsewhere, which
/// records a request too, so a test can tell whether a redirect was followed.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public static async Task<WebhookReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        foreach (var answer in answers)
        {
            receiver._answers.Enqueue(answer);
        }

        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver._received.Enqueue(new ReceivedWebhook(
                http.Request.Path, http.Request.Headers["webhook-id"], http.Request.Headers["webhook-timestamp"], http.Request.Headers["webhook-signature"], body));
            var status = receiver._answers.TryDequeue(out var next) ? next : 200;
            http.Response.StatusCode = status;
            if (status is >= 300 and < 400)
            {
                http.Response.Headers.Location = "/elsewhere";
            }

            await http.Response.WriteAsync(status == 200 ? "ok" : new string('x', 5000));
            receiver._arrivals.Release();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks/elearning";
        return receiver;
    }

    /// <summary>Waits (up to a generous minute, for a busy machine) until <paramref name="count"/> requests have arrived in all.</summary>
    public async Task WaitForAsync(int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (_received.Count < count)
        {
            await _arrivals.WaitAsync(patience.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
