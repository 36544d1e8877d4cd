export function BridgeSheet() {
  return <div className="sheet">BridgeSheet</div>;
}
