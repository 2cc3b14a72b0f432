import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.js';
import { AuthProvider } from './auth.js';
import { LanguageBoundary, restoreLanguage } from './i18n/index.js';
import './styles.css';
// After every other rule: the narrow-screen overrides win over the rules they adjust.
import './responsive.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

void restoreLanguage().finally(() => {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <AuthProvider>
          <LanguageBoundary>
            <App />
          </LanguageBoundary>
        </AuthProvider>
      </BrowserRouter>
    </StrictMode>,
  );
});
