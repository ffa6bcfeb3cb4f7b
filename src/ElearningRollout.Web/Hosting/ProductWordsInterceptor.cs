using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// MudBlazor's own messages in the product's words where people meet them. A day typed in another format (31/12/2027,
/// 25.12.2026) met "Not a valid date time": no full stop, "time" on a field that holds a day, and no hint of the format
/// every date field here takes. Everything else is MudBlazor's own English.
/// </summary>
public sealed class ProductWordsInterceptor(ILoggerFactory loggerFactory) : ILocalizationInterceptor
{
    /// <summary>The date fields' format (every MudDatePicker here: DateFormat="yyyy-MM-dd", Placeholder="YYYY-MM-DD").</summary>
    public const string DateHint = "Enter the date as YYYY-MM-DD, for example 2027-01-15.";

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["Converter_InvalidDateTime"] = DateHint,
        ["Converter_InvalidNumber"] = "Enter a number.",
    };

    private readonly DefaultLocalizationInterceptor _mudBlazors = new(loggerFactory);

    public LocalizedString Handle(string key, params object[] arguments)
        => Words.TryGetValue(key, out var words) ? new LocalizedString(key, words) : _mudBlazors.Handle(key, arguments);
}
