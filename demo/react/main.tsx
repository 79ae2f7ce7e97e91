// A React host: @cc-elements/react's components on the simulator. One client for the page through
// <CcProvider>; the host listens with on<Event> props (typed: `event.detail` is a CallDetail) to
// log a CRM screen-pop when a call or a conversation is offered, and shows who is signed in.

import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, webStorage, type Station } from '@cc-elements/core';
import { createSimAdapter, SCENARIOS } from '@cc-elements/adapter-sim';
import { CcAgentState, CcCallBanner, CcProvider, CcStationLogin, CcTaskPane } from '@cc-elements/react';

// `?traffic=off` keeps the simulator quiet: callers come only from the button.
const traffic = new URLSearchParams(location.search).get('traffic') !== 'off';
const adapter = createSimAdapter({ scenario: 'liveTraffic', traffic });
const client = createClient({ adapter, storage: webStorage(localStorage) });
const voiceQueues = SCENARIOS.liveTraffic.queues.filter((q) => q.media === 'voice' && q.direction !== 'outbound');

const stationName = (station: Station) =>
  station.kind === 'dialNumber' ? station.number : station.kind === 'extension' ? `extension ${station.extension}` : 'this browser';

interface ScreenPop {
  readonly id: string;
  readonly text: string;
}

function App() {
  const [agent, setAgent] = useState<string>('Not signed in');
  const [screenPops, setScreenPops] = useState<readonly ScreenPop[]>([]);
  const pop = (id: string, text: string) => setScreenPops((pops) => [{ id, text }, ...pops.filter((p) => p.id !== id)].slice(0, 8));

  return (
    <>
      <header className="top">
        <h1>React host</h1>
        <nav aria-label="Demo pages">
          <a href="../">Agent desktop</a>
        </nav>
        <p className="muted" role="status">
          {agent}
        </p>
      </header>
      <main>
        <CcProvider client={client}>
          <div className="desk">
            <section className="work" aria-label="Station and calls">
              <CcStationLogin
                onCcSignedIn={(event) => setAgent(`Signed in: ${event.detail.role} on ${stationName(event.detail.station)}`)}
                onCcSignedOut={() => setAgent('Not signed in')}
              />
              <CcAgentState />
              <CcCallBanner
                onCcCallOffered={(event) => {
                  const { taskId, callerId, customerName, queueName, callback } = event.detail;
                  const who = customerName ?? callerId ?? 'an unknown caller';
                  pop(taskId, `${callback ? 'Callback to' : 'Call from'} ${who} in ${queueName ?? 'no queue'}: customer record opened`);
                }}
              />
            </section>
            <section className="conversations" aria-label="Conversations">
              <CcTaskPane
                onCcTaskOffered={(event) =>
                  pop(event.detail.taskId, `${event.detail.media} from ${event.detail.customerName ?? 'a customer'}`)
                }
              />
            </section>
          </div>
        </CcProvider>
        <aside className="tools" aria-labelledby="crm-title">
          <h2 id="crm-title">CRM screen-pop (from on&lt;Event&gt; props)</h2>
          <button type="button" onClick={() => adapter.engine.injectCall({ queueId: voiceQueues[0]!.id })}>
            Send a caller to {voiceQueues[0]!.name}
          </button>
          <ol id="screen-pops" className="log">
            {screenPops.map((p) => (
              <li key={p.id}>{p.text}</li>
            ))}
          </ol>
        </aside>
      </main>
    </>
  );
}

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
