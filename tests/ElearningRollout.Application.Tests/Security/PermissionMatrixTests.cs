using System.Reflection;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Common.Edits;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>
/// Runs every row of <see cref="PermissionMatrix"/> as every person: the allowed ones succeed, the others are
/// refused (AccessRefusedException, written to the audit log, or the DomainException of a rule the domain owns, such as
/// separation of duties or who meets a condition).
/// Also proves the matrix is complete (a public use-case method without a row fails) and that docs/security.md says the same.
/// </summary>
public sealed partial class PermissionMatrixTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly Who[] People = [Who.Owner, Who.OtherTrainingManager, Who.ItLead, Who.Executive, Who.Administrator, Who.SignedOut];

    public static TheoryData<string> RowKeys() => new(PermissionMatrix.Rows.Select(r => r.Key));

    [Theory]
    [MemberData(nameof(RowKeys))]
    public async Task Each_person_is_allowed_or_refused_as_the_matrix_says(string key)
    {
        var row = PermissionMatrix.Rows.Single(r => r.Key == key);
        var scenario = new PermissionScenario(database);
        var wrong = new List<string>();
        foreach (var person in People)
        {
            var act = await row.Arrange(scenario);
            var actor = await PlayAsync(person);
            var refusalsBefore = await RefusalsRecordedAsync(actor);
            var outcome = await Outcome.OfAsync(act);
            var expected = row.Allowed.HasFlag(person);
            if (expected ? outcome is not null : outcome is not (AccessRefusedException or DomainException))
            {
                wrong.Add($"{person}: expected {(expected ? "allowed" : "refused")} but got {outcome?.GetType().Name ?? "success"} {outcome?.Message}");
            }
            else if (outcome is AccessRefusedException && actor is not null && await RefusalsRecordedAsync(actor) != refusalsBefore + 1)
            {
                wrong.Add($"{person}: refused, but the refusal is not in the audit log");
            }
        }

        Assert.True(wrong.Count == 0, $"{key}:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void Every_public_method_of_a_use_case_service_has_exactly_one_row()
    {
        var methods = UseCaseServices().SelectMany(PublicMethods).ToHashSet();
        var rows = PermissionMatrix.Rows.Select(r => r.Key).ToList();

        Assert.Empty(methods.Except(rows).Order());
        Assert.Empty(rows.Except(methods).Order());
        Assert.Equal(rows.Count, rows.Distinct().Count());
    }

    [Fact]
    public void The_table_in_docs_security_md_says_the_same_as_the_matrix()
    {
        var documented = DocumentedMatrix();
        var tested = PermissionMatrix.Rows.ToDictionary(r => r.Key, r => string.Join(" ", People.Select(p => r.Allowed.HasFlag(p) ? "yes" : "no")));

        Assert.Equal(tested.OrderBy(r => r.Key), documented.OrderBy(r => r.Key));
    }

    /// <summary>
    /// The services the host can call for a person: the registered <see cref="IUseCases"/>. Any other registered type
    /// that asks who is acting must be the edit pipeline, which acts only inside a use case: a service that acts for a
    /// person without the marker would otherwise escape the matrix.
    /// </summary>
    private static IReadOnlyList<Type> UseCaseServices()
    {
        var services = new ServiceCollection().AddElearningRolloutApplication();
        var types = services
            .Select(d => d.ImplementationType ?? d.ServiceType)
            .Where(t => t.Assembly == typeof(ICurrentActor).Assembly)
            .Distinct()
            .ToList();
        var useCases = types.Where(t => typeof(IUseCases).IsAssignableFrom(t)).ToList();
        var unclassified = types.Except(useCases)
            .Where(t => t != typeof(EditPipeline) && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(ICurrentActor))))
            .Select(t => t.Name).ToList();
        Assert.True(unclassified.Count == 0,
            $"Registered services that act for a person (they take an ICurrentActor) but are not marked IUseCases, so have no matrix rows: {string.Join(", ", unclassified)}");
        return useCases;
    }

    private static IEnumerable<string> PublicMethods(Type service) => service
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => !m.IsSpecialName)
        .Select(m => $"{service.Name}.{m.Name}");

    /// <summary>The rows of the "Permission matrix" table: `Service.Method` followed by yes/no per person, in <see cref="People"/> order.</summary>
    private static Dictionary<string, string> DocumentedMatrix()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security.md"));
        var section = text[text.IndexOf("## Permission matrix", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return MatrixLine().Matches(section).ToDictionary(
            m => m.Groups["key"].Value,
            m => string.Join(" ", m.Groups["cell"].Captures.Select(c => c.Value)));
    }

    [GeneratedRegex(@"^\| `(?<key>\w+\.\w+)` (\| (?<cell>yes|no) )+\|", RegexOptions.Multiline)]
    private static partial Regex MatrixLine();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ElearningRollout.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }

    private async Task<int> RefusalsRecordedAsync(Actor? actor)
    {
        await using var db = await database.CreateDbContextAsync();
        return actor is null ? 0 : db.AuditEntries.Count(a => a.EntityType == RefusalAudit.EntityType && a.UserId == actor.UserId);
    }

    private async Task<Actor?> PlayAsync(Who person)
    {
        if (person == Who.SignedOut)
        {
            database.Actor.PlayAs(null);
            return null;
        }

        return await database.PlayAsync(PermissionMatrix.AccountOf(person));
    }


}
