using ElearningRollout.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddElearningRollout();

var app = builder.Build();

if (args.Length > 0 && args[0] == CreateAdminCommand.Name)
{
    return await CreateAdminCommand.RunAsync(app, args);
}

if (args.Length > 0 && args[0] == RevokeKeysCommand.Name)
{
    return await RevokeKeysCommand.RunAsync(app, args);
}

await app.InitializeDatabaseAsync();
app.UseElearningRollout();
app.PrintUrlsWhenStarted();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so integration tests can host the real app.</summary>
public partial class Program;
