using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// `create-admin --email you@example.com [--name "Your Name"]`: creates the first administrator of an
/// installation. The password comes from ELR_ADMIN_PASSWORD, or is asked for without echo.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "ELR_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var email = OptionValue(args, "--email");
        var displayName = OptionValue(args, "--name") ?? email;
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email you@example.com [--name \"Your Name\"]");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPasswordFromConsole();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(
            migrate: DatabaseHosting.MigrateOnStartup(app.Configuration, app.Environment), seedDemoData: false);

        await using var scope = app.Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<AdministratorBootstrap>()
            .CreateAsync(email, displayName!, password);
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync(error);
        }

        if (errors.Count == 0)
        {
            Console.WriteLine($"Administrator {email} created.");
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static string? OptionValue(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string ReadPasswordFromConsole()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }

        Console.Write("Password (12 to 128 characters): ");
        var password = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
