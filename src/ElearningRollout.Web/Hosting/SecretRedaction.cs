using ElearningRollout.Web.Api;
using Serilog.Core;
using Serilog.Events;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Cuts calendar feed secrets out of every log event, whatever logged it. ASP.NET Core's hosting scope puts the raw
/// request path (<c>RequestPath</c>) on every event logged during a request, and the file sink writes all properties, so
/// a warning during a feed request (the database away, an unhandled exception) would otherwise write the secret to the
/// log. Runs last among the enrichers (after the scopes and the log context have added their properties) and rewrites
/// any text property, nested ones included, through <see cref="CalendarFeedEndpoint.Redact"/>. The message template's
/// own text is not rewritten: the product logs paths as properties, never in the template.
/// </summary>
public sealed class SecretRedaction : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? redacted = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Redacted(value) is { } replacement)
            {
                (redacted ??= []).Add(new LogEventProperty(name, replacement));
            }
        }

        foreach (var property in redacted ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The value with its secrets cut out, or null when it holds none (the usual case: nothing is copied).</summary>
    private static LogEventPropertyValue? Redacted(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => Changed(text),
        ScalarValue { Value: Uri or PathString } scalar => Changed(scalar.Value.ToString()!),
        SequenceValue sequence => AnyRedacted(sequence.Elements) is { } elements ? new SequenceValue(elements) : null,
        StructureValue structure => AnyRedacted(structure.Properties.Select(p => p.Value)) is { } values
            ? new StructureValue(structure.Properties.Zip(values, (p, v) => new LogEventProperty(p.Name, v)), structure.TypeTag)
            : null,
        DictionaryValue dictionary => AnyRedacted(dictionary.Elements.Select(e => e.Value)) is { } values
            ? new DictionaryValue(dictionary.Elements.Zip(values, (e, v) => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, v)))
            : null,
        _ => null,
    };

    private static ScalarValue? Changed(string text)
    {
        var redacted = CalendarFeedEndpoint.Redact(text);
        return ReferenceEquals(redacted, text) || redacted == text ? null : new ScalarValue(redacted);
    }

    private static List<LogEventPropertyValue>? AnyRedacted(IEnumerable<LogEventPropertyValue> values)
    {
        var all = values.ToList();
        var redacted = all.Select(v => Redacted(v) ?? v).ToList();
        return redacted.Where((v, i) => !ReferenceEquals(v, all[i])).Any() ? redacted : null;
    }
}
