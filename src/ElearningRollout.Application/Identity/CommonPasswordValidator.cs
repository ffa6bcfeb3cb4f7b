using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace ElearningRollout.Application.Identity;

/// <summary>
/// Refuses passwords attackers try first (ASVS 5.0 V6, NIST 800-63B), compared without case:
/// <list type="bullet">
/// <item>one on the lists shipped with the app: the 10,000 most common passwords (common-passwords.txt) and about
/// 50,000 breached passwords of 12 to 128 characters (breached-passwords-12plus.txt.gz), see the NOTICE files;</item>
/// <item>one that is only a common password or a context word with digits and symbols around it ("Password123!",
/// "!2026Elearning"), or only context words, digits and symbols ("Rollout-2026-Rollout").</item>
/// </list>
/// Context words: the product's name ("elearning", "rollout", "elearningrollout") and the person's own e-mail local part,
/// e-mail domain labels, user name and display-name parts, each of at least 4 characters.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const int MinimumContextWordLength = 4;

    private static readonly string[] ProductWords = ["elearningrollout", "elearning", "rollout"];
    private static readonly char[] NameSeparators = [' ', '.', '_', '-', '+', '@', '\'', ',', '\t'];

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(
        () => Load("ElearningRollout.Application.Identity.common-passwords.txt", compressed: false));

    private static readonly Lazy<HashSet<string>> BreachedPasswords = new(
        () => Load("ElearningRollout.Application.Identity.breached-passwords-12plus.txt.gz", compressed: true));

    public static int CommonCount => CommonPasswords.Value.Count;

    public static int BreachedCount => BreachedPasswords.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsKnown(password) || IsKnown(Core(password)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "This password is one of the most common ones, which attackers try first. Choose another.",
            }));
        }

        return Task.FromResult(IsOnlyContext(password, ContextWords(user))
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContextual",
                Description = "This password is made of your name, your e-mail address or the product's name, which attackers try first. Choose another.",
            })
            : IdentityResult.Success);
    }

    /// <summary>The words of the product and of this person that a password must not be made of.</summary>
    public static IReadOnlyCollection<string> ContextWords(ApplicationUser? user)
    {
        var words = new HashSet<string>(ProductWords, StringComparer.OrdinalIgnoreCase);
        if (user is null)
        {
            return words;
        }

        void Add(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var parts = text.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            words.Add(text.Trim());
            words.Add(string.Concat(parts)); // "Jane Doe" as "janedoe"
            words.UnionWith(parts);
        }

        if (user.Email is { } email && email.LastIndexOf('@') is var at and > 0)
        {
            Add(email[..at]);
            foreach (var label in email[(at + 1)..].Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(label);
            }
        }

        Add(user.UserName is { } userName && userName.Contains('@', StringComparison.Ordinal) ? userName[..userName.IndexOf('@', StringComparison.Ordinal)] : user.UserName);
        Add(user.DisplayName);
        words.RemoveWhere(w => w.Length < MinimumContextWordLength);
        return words;
    }

    private static bool IsKnown(string candidate)
        => candidate.Length > 0 && (CommonPasswords.Value.Contains(candidate) || BreachedPasswords.Value.Contains(candidate));

    /// <summary>The password without the digits, symbols and spaces before its first and after its last letter.</summary>
    private static string Core(string password)
    {
        var start = 0;
        var end = password.Length - 1;
        while (start <= end && !char.IsLetter(password[start]))
        {
            start++;
        }

        while (end >= start && !char.IsLetter(password[end]))
        {
            end--;
        }

        return password[start..(end + 1)];
    }

    /// <summary>True when nothing but context words, digits, symbols and spaces is left of it.</summary>
    private static bool IsOnlyContext(string password, IReadOnlyCollection<string> contextWords)
    {
        var rest = password.ToLowerInvariant();
        foreach (var word in contextWords.Select(w => w.ToLowerInvariant()).OrderByDescending(w => w.Length))
        {
            rest = rest.Replace(word, " ", StringComparison.Ordinal);
        }

        return rest.Length < password.Length && !rest.Any(char.IsLetter);
    }

    private static HashSet<string> Load(string resource, bool compressed)
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The password list {resource} is missing from the assembly.");
        using var content = compressed ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(content);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
