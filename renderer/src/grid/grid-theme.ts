// A compact, workbook-like look (AG Grid 33+ Theming API): dense rows, thin
// rules, Excel's conventions layered on in styles.css (inputs blue, computed black).
import { themeBalham } from 'ag-grid-community';

export const gridTheme = themeBalham.withParams({
  fontFamily: ['Segoe UI', 'Inter', 'system-ui', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 12,
  rowHeight: 26,
  headerHeight: 28,
  headerBackgroundColor: '#f3f4f6',
  headerTextColor: '#374151',
  borderColor: '#d9dde3',
  rowBorder: { color: '#e6e9ee' },
  columnBorder: { color: '#eef0f3' },
  accentColor: '#1a73e8',
  wrapperBorderRadius: 4,
  oddRowBackgroundColor: '#ffffff',
});
