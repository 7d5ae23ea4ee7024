// MonBureau's GraphQL IDE: GraphiQL with a field for an access token, sent as a bearer token over HTTP and in
// connection_init over WebSocket. The token is kept in memory only: it is gone when the tab closes.
import { createRoot } from 'react-dom/client';
import { useMemo, useState } from 'react';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import './ide.css';

const endpoint = new URL('/graphql', window.location.href);
const socket = new URL(endpoint);
socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

const parameters = new URLSearchParams(window.location.search);

function Ide() {
  const [token, setToken] = useState('');
  const fetcher = useMemo(() => {
    const bearer = token.trim().replace(/^Bearer\s+/i, '');
    return createGraphiQLFetcher({
      url: endpoint.href,
      subscriptionUrl: socket.href,
      headers: bearer ? { Authorization: `Bearer ${bearer}` } : {},
      wsConnectionParams: bearer ? { token: bearer } : {},
    });
  }, [token]);

  return (
    <div className="monbureau-ide">
      <label className="monbureau-token">
        <span>Jeton d’accès (access token)</span>
        <input
          id="access-token"
          type="password"
          autoComplete="off"
          spellCheck="false"
          placeholder="Collez ici le jeton (Bearer …) — paste the token from signIn or .local/demo-tokens.txt"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      <GraphiQL
        fetcher={fetcher}
        defaultQuery={parameters.get('query') ?? '# Collez un jeton ci-dessus, puis :\n{\n  me {\n    givenName\n    familyName\n  }\n}\n'}
        shouldPersistHeaders={false}
      />
    </div>
  );
}

createRoot(document.getElementById('graphiql')).render(<Ide />);
