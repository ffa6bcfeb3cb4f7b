using ElearningRollout.LoadTests.BarePage;
using ElearningRollout.LoadTests.BarePage.Components;

// One page showing one number; POST /changed raises it and every open page renders it, as a gate change reaches every
// open dashboard. Transport as the product's by default: WebSockets without per-message compression
// (Circuits:CompressWebSockets), server garbage collection, thread-pool workers that do not spin.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<Figure>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.DisableWebSocketCompression = true);
app.MapGet("/ready", () => Results.Ok());
app.MapPost("/changed", (Figure figure) => Results.Ok(figure.Raise())).DisableAntiforgery();
app.Run();
