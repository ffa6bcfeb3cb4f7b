using Microsoft.Playwright;

namespace ElearningRollout.EndToEnd.Infrastructure;

/// <summary>
/// A test in its own browser context: xunit makes a new instance per test, so every test starts
/// signed out with empty storage, and its context is closed (pages and all) when it ends.
/// </summary>
[Collection(ProductCollection.Name)]
public abstract class BrowserTest(ProductUnderTest product) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    protected ProductUnderTest Product => product;

    protected IPage Page => _page ?? throw new InvalidOperationException("The browser context has not been opened.");

    public async Task InitializeAsync()
    {
        _context = await product.NewContextAsync();
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }
}
