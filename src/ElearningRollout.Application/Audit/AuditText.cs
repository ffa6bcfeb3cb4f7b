using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Common;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ElearningRollout.Application.Audit;

/// <summary>
/// Turns stored audit entries into words, the one place the rollout's History and the administrators' audit log read
/// them through: what kind of record ("Cost line"), the action ("Signed in"), and the changes with field names in words,
/// enum values by their names ("Implementation services"), days and moments in the product's formats
/// (<see cref="DisplayFormat"/>), and lists summarised. The stored entry stays as written (the CSV export gives it whole).
/// <para>
/// The interceptor stores every value as text (<see cref="AuditTrailInterceptor"/>), so a value is read as an enum, a day
/// or a moment only when the EF model says the property is one: the entry names its entity type, the model its properties'
/// types. Entries recorded by hand (account events, SCIM, tokens) name no model type; their values are shown as written.
/// </para>
/// </summary>
public sealed partial class AuditText
{
    /// <summary>What people call each kind of record the trail names: every audited entity type of the model (a test enumerates
    /// them) and the kinds use cases record by hand.</summary>
    private static readonly Dictionary<string, string> Subjects = new(StringComparer.Ordinal)
    {
        // Rollouts
        ["Rollout"] = "Rollout",
        ["RolloutPhase"] = "Phase",
        ["PhaseSendBack"] = "Send-back",
        ["PilotCohort"] = "Pilot cohort",
        ["Department"] = "Department",

        // Gates
        ["ClearanceGate"] = "Clearance gate",
        ["GateChecklistItem"] = "Checklist item",
        ["GateReviewRound"] = "Review round",
        ["GateReview"] = "Reviewer's decision",
        ["GateCondition"] = "Condition",
        ["GateComment"] = "Gate comment",
        ["GateTemplate"] = "Gate template",
        ["GateTemplateItem"] = "Gate template item",
        ["ApprovalPolicy"] = "Approval policy",
        ["ApprovalPolicyMember"] = "Approval policy member",
        ["ReviewLink"] = "Review link",
        ["ReviewerAbsence"] = "Reviewer absence",

        // Risks
        ["RiskEntry"] = "Risk or issue",

        // Cost sharing
        ["CostSharingAgreement"] = "Cost-sharing agreement",
        ["CostLine"] = "Cost line",
        ["ActualSpend"] = "Actual spend",
        ["CostSharingAgreementVersion"] = "Agreement version",
        ["AgreementComment"] = "Agreement comment",

        // Vendors
        ["Vendor"] = "Vendor",
        ["VendorCertification"] = "Vendor certification",
        ["VendorEngagement"] = "Vendor engagement",
        ["TechnicalRequirement"] = "Technical requirement",
        ["CourseDeliverable"] = "Course deliverable",
        ["CoursePackageCheck"] = "Course package check",
        ["VendorSelection"] = "Vendor selection",
        ["SelectionCriterion"] = "Selection criterion",
        ["SelectionCandidate"] = "Candidate vendor",
        ["SelectionEvaluator"] = "Evaluator",
        ["CandidateScore"] = "Candidate score",
        ["DefaultSelectionCriteria"] = "Default selection criteria",
        ["DefaultCriterion"] = "Default selection criterion",

        // Planning and reference data
        ["BandwidthPlan"] = "Bandwidth plan",
        ["BandwidthSite"] = "Site",
        ["LaunchWave"] = "Launch wave",
        ["Holiday"] = "Holiday",
        ["GlossaryTerm"] = "Glossary term",

        // Recorded by hand by the use cases
        [SignInAudit.EntityType] = "Account",
        [RefusalAudit.EntityType] = "Access",
        [Identity.ApiAccess.ApiTokenAuthentication.EntityType] = "API token",
        [Identity.Provisioning.ScimTokenAuthentication.EntityType] = "SCIM token",
        [CoursePackages.CoursePackageCommands.AuditEntityType] = "Course package",
        [nameof(CalendarFeeds.CalendarFeedToken)] = "Calendar feed link",
        [nameof(Webhooks.WebhookEndpoint)] = "Webhook",
    };

    private static readonly ConcurrentDictionary<IModel, AuditText> ByModel = new();

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Type>> _propertyTypes;

    private AuditText(IModel model)
    {
        // An entry names its entity by the CLR type's name (AuditTrailInterceptor); an owned type used by two owners is
        // one CLR type, so its properties are the same whichever is taken.
        _propertyTypes = model.GetEntityTypes()
            .GroupBy(t => t.ClrType.Name, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, Type>)g.First().GetProperties().ToDictionary(p => p.Name, p => p.ClrType, StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    /// <summary>The texts for the entries of one model (built once per model: the property types are read from it).</summary>
    public static AuditText Of(IModel model) => ByModel.GetOrAdd(model, static m => new AuditText(m));

    /// <summary>Whether <paramref name="entityType"/> has a name of its own (a test holds every audited type to it).</summary>
    public static bool HasSubject(string entityType) => Subjects.ContainsKey(entityType);

    /// <summary>"Cost line" for <c>CostLine</c>; a kind without a name of its own is put in words all the same.</summary>
    public static string Subject(string entityType) => Subjects.GetValueOrDefault(entityType) ?? Words(entityType);

    /// <summary>"Created", "Signed in", "API token revoked".</summary>
    public static string Action(string action) => Words(action);

    /// <summary>
    /// "Health: On track → At risk; Health reason: (none) → Vendor late" from the before and after JSON. A created record
    /// lists its values, a removed one the values it had (empty ones left out); an empty value before a change reads "(none)".
    /// </summary>
    public string Changes(string entityType, string? beforeJson, string? afterJson)
    {
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        var types = _propertyTypes.GetValueOrDefault(entityType);
        var text = new StringBuilder();
        foreach (var name in after.Keys.Union(before.Keys))
        {
            var was = before.GetValueOrDefault(name);
            var now = after.GetValueOrDefault(name);
            if (Equals(was, now) || name.EndsWith("Id", StringComparison.Ordinal))
            {
                continue;
            }

            var type = types?.GetValueOrDefault(name);
            string? change;
            if (beforeJson is null)
            {
                change = Value(type, now);
            }
            else if (afterJson is null)
            {
                change = Value(type, was);
            }
            else
            {
                change = $"{Value(type, was) ?? "(none)"} → {Value(type, now) ?? "(none)"}";
            }

            if (change is null)
            {
                continue;
            }

            if (text.Length > 0)
            {
                // A value that ends a sentence ("Evidence filed in the rollout folder.") is not followed by a semicolon too.
                text.Append(text[^1] is '.' or '!' or '?' ? " " : "; ");
            }

            text.Append(Words(name)).Append(": ").Append(change);
        }

        return text.ToString();
    }

    /// <summary>"ImplementationServices" → "Implementation services", "SpentOn" → "Spent on", "ApiTokenCreated" → "API token created".</summary>
    public static string Words(string name)
    {
        var words = WordStarts().Split(name).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return name;
        }

        for (var i = 0; i < words.Count; i++)
        {
            words[i] = Acronyms.GetValueOrDefault(words[i]) ?? (i == 0 || words[i].All(char.IsUpper) ? words[i] : words[i].ToLowerInvariant());
        }

        return string.Join(' ', words).Replace("Two factor", "Two-factor", StringComparison.Ordinal).Replace("two factor", "two-factor", StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal)
    {
        ["Api"] = "API", ["Scim"] = "SCIM", ["Sso"] = "SSO", ["Url"] = "URL", ["Lms"] = "LMS", ["Hris"] = "HRIS", ["Sha256"] = "SHA-256",
    };

    /// <summary>Between a lower-case letter or digit and a capital, and before the last capital of a run followed by a small letter.</summary>
    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordStarts();

    /// <summary>One stored value in words, read as its property's type; null when there is none.</summary>
    private static string? Value(Type? type, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var clr = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return clr switch
        {
            null => text,
            { IsEnum: true } => EnumValue(clr, text),
            _ when clr == typeof(DateOnly) => TryParse(text, (s, c) => DateOnly.TryParse(s, c, DateTimeStyles.None, out var d) ? d : (DateOnly?)null) is { } day
                ? DisplayFormat.Day(day) : text,
            _ when clr == typeof(DateTimeOffset) => TryParse(text, (s, c) => DateTimeOffset.TryParse(s, c, DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTimeOffset?)null) is { } at
                ? DisplayFormat.Moment(at) : text,
            _ when clr == typeof(DateTime) => TryParse(text, (s, c) => DateTime.TryParse(s, c, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? new DateTimeOffset(d, TimeSpan.Zero) : (DateTimeOffset?)null) is { } at
                ? DisplayFormat.Moment(at) : text,
            _ when clr == typeof(bool) => bool.TryParse(text, out var yes) ? (yes ? "Yes" : "No") : text,
            _ when IsScalar(clr) => text,
            _ => Composite(clr, text),
        };
    }

    /// <summary>
    /// The interceptor wrote the value with <c>ToString()</c> in the server's culture, so that culture reads it first; the
    /// invariant one is the fallback (the two agree where the server runs invariant).
    /// </summary>
    private static T? TryParse<T>(string text, Func<string, CultureInfo, T?> parse)
        where T : struct => parse(text, CultureInfo.CurrentCulture) ?? parse(text, CultureInfo.InvariantCulture);

    private static bool IsScalar(Type type) => type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(TimeSpan) || type == typeof(TimeOnly);

    private static string EnumValue(Type type, string text)
    {
        // A [Flags] value is written "A, B".
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join(", ", parts.Select(part => Enum.TryParse(type, part, out var value) ? EnumName((Enum)value!) : part));
    }

    /// <summary>The domain's own name for the value (a <c>DisplayName()</c> extension beside the enum), else its name in words.</summary>
    private static string EnumName(Enum value) =>
        DisplayNames.GetOrAdd(value.GetType(), FindDisplayName) is { } displayName ? (string)displayName.Invoke(null, [value])! : Words(value.ToString());

    private static readonly ConcurrentDictionary<Type, MethodInfo?> DisplayNames = new();

    private static MethodInfo? FindDisplayName(Type enumType) => enumType.Assembly.GetTypes()
        .Where(t => t.IsAbstract && t.IsSealed)
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
        .FirstOrDefault(m => m.Name == "DisplayName" && m.ReturnType == typeof(string) && m.GetParameters() is [var p] && p.ParameterType == enumType);

    /// <summary>
    /// A value object or list kept as JSON (a package's report, a cost line's split): its members in words and its lists
    /// summarised. Entries written before the interceptor stored such values as JSON hold their <c>ToString()</c>, where
    /// a list shows only its type name: it is said to be a list.
    /// </summary>
    private static string Composite(Type type, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return Summary(type, document.RootElement) ?? "(none)";
        }
        catch (JsonException)
        {
            // A value object without a ToString() of its own was written as its type's name: nothing of it was kept.
            return text == type.FullName ? "(not recorded)" : CollectionTypeName().Replace(text, "(a list)");
        }
    }

    /// <summary>A generic collection's type name as <c>ToString()</c> writes it: <c>System.Collections.Generic.List`1[System.String]</c>.</summary>
    [GeneratedRegex(@"[\w.<>]+`\d+\[[^\]]*\]")]
    private static partial Regex CollectionTypeName();

    private const int ItemsListed = 5;

    private static string? Summary(Type? type, JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Array:
                var itemType = type is null ? null : ItemType(type);
                var items = json.EnumerateArray().ToList();
                if (items.Count == 0)
                {
                    return "none";
                }

                var scalars = items.All(i => i.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array));
                return scalars && items.Count <= ItemsListed
                    ? string.Join(", ", items.Select(i => Summary(itemType, i)))
                    : items.Count == 1 ? "1 item" : $"{items.Count} items";
            case JsonValueKind.Object:
                var members = json.EnumerateObject()
                    .Select(m => (m.Name, Text: Summary(type?.GetProperty(m.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType, m.Value)))
                    .Where(m => m.Text is not null)
                    .Select(m => $"{Words(m.Name)}: {m.Text}");
                return string.Join(", ", members);
            case JsonValueKind.String:
                return Value(type, json.GetString());
            default:
                return Value(type, json.GetRawText());
        }
    }

    private static Type? ItemType(Type type) => type.IsArray
        ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    // The change interceptor stores every value as text, but entries recorded by hand (account events, SCIM, tokens)
    // carry whatever their anonymous object held: numbers, true/false, lists. Each is shown as written; a value that is
    // not an object at all is shown whole, so no stored entry can break the History or the audit page.
    private static Dictionary<string, string?> Parse(string? json)
    {
        if (json is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new() { ["Value"] = Text(document.RootElement) };
            }

            var values = new Dictionary<string, string?>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = Text(property.Value);
            }

            return values;
        }
        catch (JsonException)
        {
            return new() { ["Value"] = json };
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
