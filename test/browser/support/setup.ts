// The test page starts as <html lang="en">; portals our users run are Chinese, so start there.
document.documentElement.lang = 'zh-CN';
