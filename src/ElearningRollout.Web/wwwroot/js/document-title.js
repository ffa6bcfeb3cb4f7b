// The page's title comes from the hidden element each page renders (Components/Shared/DocumentTitle.cs): copied into
// document.title on the server's first response (this script runs as the body ends) and whenever the page changes
// (interactive and enhanced navigations, a rollout's name arriving).
(() => {
    const apply = () => {
        const title = document.querySelector('[data-document-title]')?.getAttribute('data-document-title');
        if (title && document.title !== title) {
            document.title = title;
        }
    };
    apply();
    new MutationObserver(apply).observe(document.body, {
        childList: true, subtree: true, attributes: true, attributeFilter: ['data-document-title'],
    });
})();
